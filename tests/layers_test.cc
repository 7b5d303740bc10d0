// The layers of src/: a file includes only from its own folder or from
// folders below it, so that no two folders reach each other. The order is
// the one docs/architecture.md states.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Bottom to top; docs/architecture.md ("Layers") says why each sits where it
// does.
const std::vector<std::string> kLayers = {"base",  "table", "input", "tokenize", "ngram", "output",
                                          "spill", "count", "merge", "options",  "cli"};

std::ptrdiff_t RankOf(const std::string& folder) {
  const auto it = std::find(kLayers.begin(), kLayers.end(), folder);
  return it == kLayers.end() ? -1 : it - kLayers.begin();
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string LayerLine() {
  std::string line;
  for (const std::string& layer : kLayers) line += (line.empty() ? "" : " < ") + layer;
  return line;
}

TEST_CASE("every folder of src/ has a layer", "[layers]") {
  const std::filesystem::path src = VOCABCOUNT_SOURCE_DIR;
  std::vector<std::string> missing;
  for (const auto& entry : std::filesystem::directory_iterator(src)) {
    if (entry.is_directory() && RankOf(entry.path().filename().string()) < 0) {
      missing.push_back(entry.path().filename().string());
    }
  }
  INFO("folders with no place in the order: " << missing.size());
  for (const std::string& folder : missing) UNSCOPED_INFO(folder);
  CHECK(missing.empty());
}

TEST_CASE("docs/architecture.md states the layer order", "[layers]") {
  const std::string doc =
      ReadFile(std::filesystem::path(VOCABCOUNT_SOURCE_DIR) / ".." / "docs" / "architecture.md");
  INFO("expected the line: " << LayerLine());
  CHECK(doc.find(LayerLine()) != std::string::npos);
}

TEST_CASE("files include only from their own layer or below", "[layers]") {
  const std::filesystem::path src = VOCABCOUNT_SOURCE_DIR;
  const std::regex include(R"(^\s*#\s*include\s*"([A-Za-z0-9_]+)/)");
  std::vector<std::string> violations;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(src)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".h" && extension != ".cc")) continue;
    const std::filesystem::path relative = entry.path().lexically_relative(src);
    if (std::distance(relative.begin(), relative.end()) < 2) continue;  // not in a folder
    const std::string folder = relative.begin()->string();
    const std::ptrdiff_t own = RankOf(folder);
    if (own < 0) continue;  // reported by the test above
    ++files;
    std::istringstream lines(ReadFile(entry.path()));
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
      std::smatch match;
      if (!std::regex_search(line, match, include)) continue;
      // Folders outside the order (vocabcount/, absl/, …) are not layers.
      const std::ptrdiff_t included = RankOf(match[1].str());
      if (included > own) {
        violations.push_back("src/" + relative.generic_string() + ":" + std::to_string(number) +
                             ": " + folder + " includes from " + match[1].str() +
                             ", a higher layer");
      }
    }
  }
  CHECK(files > 0);
  INFO("order: " << LayerLine());
  for (const std::string& violation : violations) UNSCOPED_INFO(violation);
  CHECK(violations.empty());
}

}  // namespace
