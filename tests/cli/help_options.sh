# Reads the options out of vocabcount --help, for the man page and completion
# tests: sourced, it defines help_name_fields, help_long_options,
# help_short_options, and fail, which counts the failures it reports.

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# The name field of each option line ("-t, --tokenizer KIND", "--stats[=json]"):
# an indented line starting with a dash, up to the gap before its description.
help_name_fields() {
  "$1" --help | sed -n -E 's/^ {1,10}(-[^ ]*( [^ ]+)*)( {2,}.*)?$/\1/p'
}

# Every long option --help names, one per line, sorted.
help_long_options() {
  help_name_fields "$1" | grep -o -E -- '--[a-z0-9][a-z0-9-]*' | sort -u
}

# Every short option --help names, one per line, sorted.
help_short_options() {
  help_name_fields "$1" | grep -o -E -- '(^|, )-[A-Za-z0-9]($|,| )' | grep -o -E -- '-[A-Za-z0-9]' | sort -u
}
