#!/bin/bash
# The bash completion completion/vocabcount against the built command: the
# long options are exactly those --help names, and the values offered after
# --tokenizer, --sort and --format exactly those the command accepts (read
# from its message for a bad value), so neither can drift from the command.
# Usage: completion_test.sh VOCABCOUNT COMPLETION_SCRIPT CORPUS_DIR
set -u
vc=$1 script=$2 corpus=$3
source "$(dirname "$0")/help_options.sh"

if [[ ! -f $script ]]; then
  echo "FAIL: no completion script at $script" >&2
  exit 1
fi
# shellcheck source=/dev/null
source "$script"
spec=$(complete -p vocabcount 2> /dev/null)
function=$(sed -n -E 's/.*-F ([^ ]+).*/\1/p' <<< "$spec")
if [[ -z $function ]] || ! declare -F "$function" > /dev/null; then
  echo "FAIL: $script does not register a completion function for vocabcount (complete -p" \
    "vocabcount: '$spec')" >&2
  exit 1
fi

# The replies, sorted one per line, for a command line split into words as
# bash splits it (COMP_WORDBREAKS makes "--sort=c" three words: "--sort", "="
# and "c"), the cursor at the end of the last.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  "$function" vocabcount "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort
}

expect() {
  local what=$1 expected=$2 actual=$3
  if [[ $actual != "$expected" ]]; then
    fail "$what: missing [$(comm -23 <(echo "$expected") <(echo "$actual") | tr '\n' ' ')]," \
      "not expected [$(comm -13 <(echo "$expected") <(echo "$actual") | tr '\n' ' ')]"
  fi
}

# The values the command accepts for an option, from its error message for a
# bad one: "'x' is not a tokenizer: use word, whitespace, gpt2, cl100k or o200k".
accepted_values() {
  local message
  message=$("$vc" "$1" no-such-value < /dev/null 2>&1 > /dev/null | head -1)
  sed -n -E 's/.*: use (.*)$/\1/p' <<< "$message" | sed -E 's/, | or /\n/g' | sort
}

long=$(help_long_options "$vc")
[[ $(wc -l <<< "$long") -ge 30 ]] || fail "--help names only $(wc -l <<< "$long") long options"
expect "vocabcount --<TAB>" "$long" "$(complete_words vocabcount --)"
all=$(sort <<< "$long"$'\n'"$(help_short_options "$vc")")
expect "vocabcount -<TAB>" "$all" "$(complete_words vocabcount -)"

for option in -t --tokenizer --sort --format; do
  values=$(accepted_values "$option")
  [[ $(wc -l <<< "$values") -ge 2 ]] || fail "no values read from the message for $option x"
  expect "vocabcount $option <TAB>" "$values" "$(complete_words vocabcount "$option" '')"
  [[ $option == --* ]] &&
    expect "vocabcount $option=<TAB>" "$values" "$(complete_words vocabcount "$option" =)"
done
tokenizers=$(accepted_values --tokenizer)
expect "vocabcount --tokenizer c<TAB>" "$(grep '^c' <<< "$tokenizers")" \
  "$(complete_words vocabcount --tokenizer c)"
expect "vocabcount --tokenizer=c<TAB>" "$(grep '^c' <<< "$tokenizers")" \
  "$(complete_words vocabcount --tokenizer = c)"
expect "vocabcount --sort=t<TAB>" "token" "$(complete_words vocabcount --sort = t)"
# Where "=" is not a word break, the word is "--format=g" and so are the replies.
expect "vocabcount --format=g<TAB> (one word)" "--format=glove" \
  "$(complete_words vocabcount --format=g)"
expect "vocabcount --stats=<TAB>" "json" "$(complete_words vocabcount --stats =)"

# Paths: files and directories for PATH, -o and --files-from; directories only
# for --temp-dir.
cd "$corpus/.." || exit 1
dir=$(basename "$corpus")
files=$(compgen -f -- "$dir/" | sort)
dirs=$(compgen -d -- "$dir/" | sort)
[[ $(wc -l <<< "$files") -ge 3 ]] || fail "the corpus directory $corpus has too few files"
expect "vocabcount $dir/<TAB>" "$files" "$(complete_words vocabcount "$dir/")"
expect "vocabcount -j 2 $dir/<TAB>" "$files" "$(complete_words vocabcount -j 2 "$dir/")"
expect "vocabcount -o $dir/<TAB>" "$files" "$(complete_words vocabcount -o "$dir/")"
expect "vocabcount --files-from $dir/<TAB>" "$files" "$(complete_words vocabcount --files-from "$dir/")"
expect "vocabcount --temp-dir $dir/<TAB>" "$dirs" "$(complete_words vocabcount --temp-dir "$dir/")"
expect "vocabcount --lower $dir/<TAB>" "$files" "$(complete_words vocabcount --lower "$dir/")"
# --stats takes its value only after "=": "--stats json" would read json as a path.
expect "vocabcount --stats $dir/<TAB>" "$files" "$(complete_words vocabcount --stats "$dir/")"
# After "--" every word is a path, even one starting with a dash.
expect "vocabcount -- --<TAB>" "$(compgen -f -- -- | sort)" "$(complete_words vocabcount -- --)"
# A number is not completed.
expect "vocabcount --top <TAB>" "" "$(complete_words vocabcount --top '')"

if ((failures > 0)); then
  echo "$failures problem(s) with $script" >&2
  exit 1
fi
echo "ok: $(wc -l <<< "$long") long options, the values of -t, --sort and --format, paths"
