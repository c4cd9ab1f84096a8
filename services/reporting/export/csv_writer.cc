#include "services/reporting/export/table.h"
