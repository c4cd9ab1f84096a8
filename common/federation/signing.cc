#include "common/federation/signing.h"
