#include "common/federation/federation_config.h"
