#!/usr/bin/python3
"""Checks that the documentation tells the truth about the repository: links
resolve, the README's options table names exactly the options --help names,
its package lists are scripts/install-deps.sh's, its set-up section ends in a
working command, and it stays a front page.

Usage: docs_test.py SOURCE_DIR VOCABCOUNT_BINARY [unittest arguments...]
(the binary is needed only by the options test)."""

import os
import re
import subprocess
import sys
import unittest
import urllib.parse

SOURCE_DIR = None
BINARY = None

# The longest the README may grow: past this it stops being a front page.
README_MAX_LINES = 250


def read(relative):
    with open(os.path.join(SOURCE_DIR, relative), encoding="utf-8") as f:
        return f.read()


def markdown_files():
    """Every *.md file tracked by git, plus new ones not yet committed (not
    ignored); outside a git checkout, every *.md below the source directory
    except build trees."""
    try:
        listed = subprocess.run(
            ["git", "-C", SOURCE_DIR, "ls-files", "--cached", "--others",
             "--exclude-standard", "--", "*.md"],
            check=True, capture_output=True, text=True).stdout.split("\n")
        return sorted(path for path in listed
                      if path and os.path.exists(os.path.join(SOURCE_DIR, path)))
    except (OSError, subprocess.CalledProcessError):
        found = []
        for root, dirs, files in os.walk(SOURCE_DIR):
            dirs[:] = [d for d in dirs if not d.startswith((".", "build"))]
            found += [os.path.relpath(os.path.join(root, f), SOURCE_DIR)
                      for f in files if f.endswith(".md")]
        return sorted(found)


def without_code(text):
    """The text with fenced code blocks, indented code blocks and code spans
    blanked out (line structure kept), since links there are not links."""
    lines = text.split("\n")
    out = []
    fence = None
    previous_blank = True
    in_indented = False
    for line in lines:
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence):
                fence = None
            out.append("")
            continue
        match = re.match(r"(`{3,}|~{3,})", stripped)
        if match:
            fence = match.group(1)
            out.append("")
            continue
        # An indented code block starts after a blank line; list items'
        # continuation lines are indented too, so only a block after a blank
        # line that does not continue a list counts.
        if line.startswith("    ") and (previous_blank or in_indented) and not re.match(
                r"\s*([-*+]|\d+\.)\s", line):
            in_indented = True
            out.append("")
            previous_blank = False
            continue
        in_indented = False
        previous_blank = not line.strip()
        out.append(re.sub(r"(`+)(?:(?!\1).)+?\1", "", line))
    return "\n".join(out)


def heading_slugs(text):
    """GitHub's anchors for the headings of a Markdown text: the heading's
    text lowercased, markup and punctuation other than - and _ dropped,
    spaces made hyphens; repeats get -1, -2, ..."""
    slugs = set()
    seen = {}
    fence = None
    for line in text.split("\n"):
        stripped = line.lstrip()
        match = re.match(r"(`{3,}|~{3,})", stripped)
        if fence:
            if stripped.startswith(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        heading = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not heading:
            continue
        title = heading.group(1)
        title = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", title)  # links: their text
        title = re.sub(r"<[^>]+>", "", title)                      # HTML tags
        slug = re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-")
        if slug in seen:
            seen[slug] += 1
            slug = f"{slug}-{seen[slug]}"
        else:
            seen[slug] = 0
        slugs.add(slug)
    return slugs


LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+\"[^\"]*\")?\s*$", re.M)
HTML_SOURCE = re.compile(r"<(?:img|a)\s[^>]*(?:src|href)=\"([^\"]+)\"", re.I)


def links_of(text):
    body = without_code(text)
    return (LINK.findall(body) + REFERENCE.findall(body) + HTML_SOURCE.findall(body))


def section(text, title_pattern):
    """The lines of the level-2 section whose title matches, up to the next
    level-2 heading; None when there is none."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if re.match(r"##\s+" + title_pattern, line):
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("## ")),
                       len(lines))
            return lines[i + 1:end]
    return None


OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z0-9][A-Za-z0-9-]*)")


def help_options(help_text):
    """The option names --help lists: from each line that starts with an
    option, its left column (the part before a gap of two spaces or more);
    a line holding nothing else (a left column too wide to share its line
    with the description) counts too. Prose that happens to start with an
    option has no such gap and more than a few words."""
    names = set()
    for line in help_text.split("\n"):
        if not re.match(r"\s*--?[A-Za-z0-9]", line):
            continue
        gap = re.search(r"\S(\s{2,})\S", line)
        if gap:
            left = line[:gap.start(1)]
        elif len(line.split()) <= 3:
            left = line
        else:
            continue
        names.update(OPTION.findall(left))
    return names


def readme_table_options(readme):
    """The option names in the first column of the tables of the README's
    "Options" section."""
    lines = section(readme, r"Options\b")
    if lines is None:
        return None
    names = set()
    for line in lines:
        if not line.startswith("|") or re.match(r"\|\s*-+\s*\|", line):
            continue
        first = re.split(r"(?<!\\)\|", line)[1]
        names.update(OPTION.findall(first))
    return names


def script_sets():
    """scripts/install-deps.sh's two package arrays, in order."""
    script = read("scripts/install-deps.sh")
    sets = {}
    for name in ("build", "test"):
        match = re.search(name + r"_packages=\(([^)]*)\)", script)
        sets[name] = match.group(1).split() if match else None
    return sets


def readme_sets(readme):
    """The README's package lists: the code span after "build set:" and after
    "test set:" (words in order)."""
    sets = {}
    for name in ("build", "test"):
        match = re.search(name + r" set:\s*`([^`]+)`", readme, re.I)
        sets[name] = match.group(1).split() if match else None
    return sets


def commands_of(block_lines):
    """The commands of a code block: each line without its # comment."""
    commands = []
    for line in block_lines:
        command = re.sub(r"\s+#.*$", "", line).strip()
        if command and not command.startswith("#"):
            commands.append(command)
    return commands


def first_code_block(lines):
    """The first indented or fenced code block among lines."""
    block = []
    fence = None
    for line in lines:
        if fence:
            if line.strip().startswith(fence):
                return block
            block.append(line)
        elif re.match(r"\s*(```|~~~)", line):
            fence = line.strip()[:3]
        elif line.startswith("    ") and line.strip():
            block.append(line[4:])
        elif block and not line.strip():
            continue
        elif block:
            return block
    return block


class DocsTest(unittest.TestCase):
    def test_relative_links_resolve(self):
        problems = []
        files = markdown_files()
        self.assertIn("README.md", files)
        slug_cache = {}
        for path in files:
            text = read(path)
            for target in links_of(text):
                if re.match(r"[a-z][a-z0-9+.-]*:", target, re.I):  # http:, https:, mailto:
                    continue
                target_path, _, anchor = target.partition("#")
                target_path = urllib.parse.unquote(target_path)
                if target_path.startswith("/"):
                    resolved = os.path.normpath(os.path.join(SOURCE_DIR, target_path.lstrip("/")))
                elif target_path:
                    resolved = os.path.normpath(
                        os.path.join(SOURCE_DIR, os.path.dirname(path), target_path))
                else:
                    resolved = os.path.join(SOURCE_DIR, path)
                if not os.path.exists(resolved):
                    problems.append(f"{path}: link to {target}: no such file or directory")
                    continue
                if anchor and resolved.endswith(".md") and os.path.isfile(resolved):
                    if resolved not in slug_cache:
                        with open(resolved, encoding="utf-8") as f:
                            slug_cache[resolved] = heading_slugs(f.read())
                    if anchor not in slug_cache[resolved]:
                        problems.append(f"{path}: link to {target}: no heading #{anchor} "
                                        f"in {os.path.relpath(resolved, SOURCE_DIR)}")
        self.assertEqual(problems, [], "\n" + "\n".join(problems))

    def test_options_table_names_what_help_names(self):
        self.assertTrue(BINARY and os.access(BINARY, os.X_OK), f"no command at {BINARY}")
        result = subprocess.run([BINARY, "--help"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        from_help = help_options(result.stdout)
        self.assertIn("--help", from_help, "no options found in --help:\n" + result.stdout)
        from_readme = readme_table_options(read("README.md"))
        self.assertIsNotNone(from_readme, 'README.md has no "## Options" section')
        self.assertEqual(
            (sorted(from_help - from_readme), sorted(from_readme - from_help)), ([], []),
            "(named by --help but not in the README's table, "
            "in the README's table but not named by --help)")

    def test_package_lists_are_the_scripts(self):
        from_script = script_sets()
        from_readme = readme_sets(read("README.md"))
        for name in ("build", "test"):
            self.assertIsNotNone(from_script[name],
                                 f"scripts/install-deps.sh has no {name}_packages array")
            self.assertIsNotNone(from_readme[name],
                                 f'README.md has no "{name} set: `...`" list')
            self.assertEqual(from_readme[name], from_script[name],
                             f"the {name} set: README.md, then scripts/install-deps.sh")

    def test_setup_leads_to_a_command(self):
        readme = read("README.md")
        lines = section(readme, r"Set[- ]?up\b")
        self.assertIsNotNone(lines, 'README.md has no "## Set-up" section')
        commands = commands_of(first_code_block(lines))
        # The README's first two commands are the two .ci/run runs, in its order.
        ci = [c for c in commands_of(read(".ci/run").split("\n"))
              if c in ("scripts/count-corpus.sh", "scripts/test.sh")]
        self.assertEqual(ci, ["scripts/count-corpus.sh", "scripts/test.sh"])
        self.assertEqual(commands[:2], ci, "the set-up's first two commands")
        # Its last line installs the command.
        self.assertRegex(commands[-1], r"^(sudo )?cmake --install build(\s|$)",
                         "the set-up's last command")
        text = "\n".join(lines)
        for needed in ("`build/vocabcount`", "--prefix ~/.local", "PATH", "MANPATH",
                       "man vocabcount", "bash completion"):
            self.assertIn(needed, text, "the set-up section")
        # scripts/count-corpus.sh, the first command, says where the command is
        # and how to install it: run the part after the count.
        script = read("scripts/count-corpus.sh")
        message = script[script.index("head -5 vocab.tsv"):].split("\n", 1)[1]
        shown = subprocess.run(["bash", "-c", "set -eu\nbuild_dir=build\n" + message],
                               capture_output=True, text=True)
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn("build/vocabcount", shown.stderr)
        self.assertIn("cmake --install build", shown.stderr)
        self.assertIn("build_dir=${BUILD_DIR:-build}", script)

    def test_readme_is_a_front_page(self):
        count = read("README.md").count("\n")
        self.assertLessEqual(count, README_MAX_LINES, "README.md lines")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    SOURCE_DIR = os.path.abspath(sys.argv[1])
    BINARY = sys.argv[2]
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)
