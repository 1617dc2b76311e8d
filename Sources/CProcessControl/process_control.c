// Swift's Glibc module does not export prctl: this one call is made here.
#include "process_control.h"

#if defined(__linux__)
#include <sys/prctl.h>

int docproof_become_subreaper(void) { return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0); }
#else
int docproof_become_subreaper(void) { return -1; }
#endif
