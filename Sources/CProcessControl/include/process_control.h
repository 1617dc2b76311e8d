#ifndef DOCPROOF_PROCESS_CONTROL_H
#define DOCPROOF_PROCESS_CONTROL_H

/// Makes the calling process a child subreaper (Linux `prctl(PR_SET_CHILD_SUBREAPER)`):
/// orphaned descendants are handed to it instead of init. Returns 0 on success, -1 where
/// the system has no such thing.
int docproof_become_subreaper(void);

#endif
