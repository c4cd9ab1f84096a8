#include "common/federation/envelope.h"
