# Finds Intel's ISA-L (Debian: libisal-dev), whose inflate decodes gzip several
# times faster than zlib, and defines the imported target ISAL::ISAL. ISA-L
# ships no CMake package; Debian's has a pkg-config file, but headers and
# library are found here directly so that no pkg-config is needed.
include_guard(GLOBAL)
include(FindPackageHandleStandardArgs)

find_path(ISAL_INCLUDE_DIR NAMES isa-l/igzip_lib.h)
find_library(ISAL_LIBRARY NAMES isal)
mark_as_advanced(ISAL_INCLUDE_DIR ISAL_LIBRARY)
find_package_handle_standard_args(ISAL REQUIRED_VARS ISAL_LIBRARY ISAL_INCLUDE_DIR)

if(ISAL_FOUND AND NOT TARGET ISAL::ISAL)
  # UNKNOWN rather than SHARED: the library may be a static archive, and
  # vocabcount_prefer_static_archives may point the target at one later.
  add_library(ISAL::ISAL UNKNOWN IMPORTED)
  set_target_properties(ISAL::ISAL PROPERTIES
    IMPORTED_LOCATION "${ISAL_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${ISAL_INCLUDE_DIR}")
endif()
