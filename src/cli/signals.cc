// The termination handler and the one path it may remove. The handler runs
// in whichever thread the kernel picks, at any moment, so it touches nothing
// but a static buffer and a lock-free flag, and calls only async-signal-safe
// functions (unlink, sigaction, raise).
#include "cli/signals.h"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>

namespace vocabcount::cli {
namespace {

constexpr int kTerminationSignals[] = {SIGINT, SIGTERM, SIGHUP};

// The temporary file's path, valid while temp_path_set is true: the flag is
// lowered before the buffer changes and raised after.
char temp_path[PATH_MAX];
std::atomic<bool> temp_path_set{false};
static_assert(std::atomic<bool>::is_always_lock_free, "read from a signal handler");

extern "C" void OnTerminationSignal(int signal_number) {
  if (temp_path_set.load(std::memory_order_acquire)) unlink(temp_path);
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  sigaction(signal_number, &default_action, nullptr);
  // The handler runs with SA_NODEFER, so this signal is not blocked here:
  // its default action ends the process inside raise().
  raise(signal_number);
}

}  // namespace

void InstallTerminationHandler() {
  for (const int signal_number : kTerminationSignals) {
    struct sigaction previous {};
    if (sigaction(signal_number, nullptr, &previous) != 0) continue;
    if ((previous.sa_flags & SA_SIGINFO) == 0 && previous.sa_handler == SIG_IGN) continue;
    struct sigaction action {};
    action.sa_handler = OnTerminationSignal;
    // While one termination signal is handled, the others wait: the process
    // is ending anyway, and one removal is enough.
    sigemptyset(&action.sa_mask);
    for (const int other : kTerminationSignals) {
      if (other != signal_number) sigaddset(&action.sa_mask, other);
    }
    action.sa_flags = SA_NODEFER | SA_RESTART;
    sigaction(signal_number, &action, nullptr);
  }
}

bool RemoveOnTermination(const std::string& path) {
  temp_path_set.store(false, std::memory_order_release);
  if (path.size() >= sizeof temp_path) return false;
  std::memcpy(temp_path, path.c_str(), path.size() + 1);
  temp_path_set.store(true, std::memory_order_release);
  return true;
}

void ForgetOnTermination() { temp_path_set.store(false, std::memory_order_release); }

TerminationSignalsHeld::TerminationSignalsHeld() {
  sigset_t held;
  sigemptyset(&held);
  for (const int signal_number : kTerminationSignals) sigaddset(&held, signal_number);
  pthread_sigmask(SIG_BLOCK, &held, &previous_);
}

TerminationSignalsHeld::~TerminationSignalsHeld() {
  pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

}  // namespace vocabcount::cli
