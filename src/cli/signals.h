// Ending on SIGINT, SIGTERM or SIGHUP without leaving the temporary output
// file behind: the handler removes it, then the process dies of the signal,
// so that the caller sees the usual status (128 + the signal's number).
#pragma once

#include <csignal>
#include <string>

namespace vocabcount::cli {

// Installs the handler for the three signals; call it first thing in main().
// A signal the process was started with ignored stays ignored (nohup, and
// commands a non-interactive shell runs in the background).
void InstallTerminationHandler();

// From now on, the handler removes `path` (a temporary file) before the
// process dies. Call it while the signals are held (TerminationSignalsHeld),
// so that the handler never sees the path half copied. Returns false when the
// path is too long to be kept for the handler (then a signal leaves the file
// behind).
bool RemoveOnTermination(const std::string& path);
// The file was renamed or removed: the handler no longer touches it.
void ForgetOnTermination();

// Holds the three signals back for its lifetime (they arrive when it ends):
// no signal can come between creating a temporary file and handing its name
// to RemoveOnTermination(). Only for short, non-blocking work, and only while
// the process has one thread: other threads would still receive the signals.
class TerminationSignalsHeld {
 public:
  TerminationSignalsHeld();
  ~TerminationSignalsHeld();
  TerminationSignalsHeld(const TerminationSignalsHeld&) = delete;
  TerminationSignalsHeld& operator=(const TerminationSignalsHeld&) = delete;

 private:
  sigset_t previous_;
};

}  // namespace vocabcount::cli
