#include "common/federation/uplink.h"
