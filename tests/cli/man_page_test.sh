#!/bin/bash
# The manual page vocabcount(1): built, and carrying every option --help names
# (read from the built command, so the two cannot drift apart), each as a
# tagged paragraph under its group, and every section of docs/usage.txt.
# Usage: man_page_test.sh VOCABCOUNT MAN_PAGE USAGE_TXT
set -u
vc=$1 page=$2 usage=$3
source "$(dirname "$0")/help_options.sh"

if [[ ! -s $page ]]; then
  echo "FAIL: the manual page $page was not built: help2man was not found when the build was" \
    "configured (Debian: apt-get install help2man man-db, then configure again)" >&2
  exit 1
fi
if ! command -v man > /dev/null; then
  echo "FAIL: man is not installed, so the page cannot be rendered (Debian: apt-get install man-db)" >&2
  exit 1
fi
rendered=$(MANWIDTH=100 LC_ALL=C.UTF-8 MAN_KEEP_FORMATTING= man -l -P cat "$page" 2> /dev/null | col -b -x)
if [[ -z $rendered ]]; then
  echo "FAIL: man -l $page rendered nothing" >&2
  exit 1
fi

# Each option as a tagged paragraph: its name field from --help starts a line.
mapfile -t fields < <(help_name_fields "$vc")
((${#fields[@]} >= 30)) || fail "--help names only ${#fields[@]} options: is its format still read?"
for field in "${fields[@]}"; do
  grep -q -x -F -e "       $field" <<< "$rendered" ||
    grep -q -F -e "       $field " <(grep -E '^ {7}-' <<< "$rendered" | sed 's/$/ /') ||
    fail "option \"$field\" of --help is not a tagged paragraph of the manual page"
done
for option in $(help_long_options "$vc") $(help_short_options "$vc"); do
  grep -q -E -e "(^|[ ,(])$option([] ,=.)[]|$)" <<< "$rendered" ||
    fail "option $option of --help is not in the manual page"
done

# The groups of --help (a heading followed by option lines) as subsections of
# OPTIONS, in the same order.
mapfile -t groups < <("$vc" --help | awk '/^[A-Z][A-Za-z ]*:$/ { heading = $0; next }
  heading != "" && /^ +-/ { print heading } { heading = "" }')
((${#groups[@]} >= 4)) || fail "--help has only ${#groups[@]} option groups"
options_section=$(sed -n '/^OPTIONS$/,/^[A-Z][A-Z -]*$/p' <<< "$rendered")
[[ -n $options_section ]] || fail "the manual page has no OPTIONS section"
previous=0
for group in "${groups[@]}"; do
  [[ $group == Options: ]] && continue  # the section itself
  line=$(grep -n -x -F -e "   $group" <<< "$options_section" | head -1 | cut -d: -f1)
  if [[ -z $line ]]; then
    fail "group \"$group\" of --help is not a subsection of OPTIONS"
  elif ((line < previous)); then
    fail "group \"$group\" is out of --help's order"
  else
    previous=$line
  fi
done

# Every section of docs/usage.txt, as a section heading.
mapfile -t sections < <(grep -E '^[A-Z][A-Z -]*$' "$usage")
((${#sections[@]} >= 7)) || fail "docs/usage.txt has only ${#sections[@]} sections"
for section in "${sections[@]}"; do
  grep -q -x -F -e "$section" <<< "$rendered" ||
    fail "section $section of docs/usage.txt is not a section of the manual page"
done
# The long text, not just its headings: the first sentence of each section,
# as plain text (lines joined, words hyphenated at a line end made whole).
flat=$(sed -z -E 's/\xe2\x80\x90\n *//g; s/[[:space:]]+/ /g' <<< "$rendered")
for section in "${sections[@]}"; do
  sentence=$(awk -v section="$section" '$0 == section { on = 1; next }
    on && /^[A-Z]/ { exit } on { print }' "$usage" | tr -s ' \n' ' ' |
    sed -E 's/^ *//; s/^([^ ]+)  +/\1 /; s/([.:]) .*/\1/')
  grep -q -F -e "$sentence" <<< "$flat" ||
    fail "the text of section $section is not in the manual page: \"$sentence\""
done

if ((failures > 0)); then
  echo "$failures problem(s) with $page" >&2
  exit 1
fi
echo "ok: ${#fields[@]} options, ${#groups[@]} groups and ${#sections[@]} sections in $page"
