# Points imported shared libraries at the static archives installed beside
# them, so that the vocabcount program loads few shared libraries: on Debian,
# Abseil alone is some thirty of them, and loading them took several times
# longer than counting a small file.
include_guard(GLOBAL)

# For each of TARGETS that names a lib*.so with a lib*.a next to it, links the
# archive instead. Targets without an archive are left as they are.
function(vocabcount_prefer_static_archives)
  foreach(target IN LISTS ARGN)
    foreach(config "" _NONE _RELEASE _RELWITHDEBINFO _MINSIZEREL _DEBUG)
      get_target_property(location ${target} IMPORTED_LOCATION${config})
      if(NOT location MATCHES "^(.*)\\.so(\\.[0-9.]+)?$")
        continue()
      endif()
      set(archive "${CMAKE_MATCH_1}.a")
      if(NOT EXISTS "${archive}")
        continue()
      endif()
      set_target_properties(${target} PROPERTIES IMPORTED_LOCATION${config} "${archive}")
      get_target_property(type ${target} TYPE)
      if(type STREQUAL "SHARED_LIBRARY")
        # Linked by path, not by a soname the archive does not have.
        set_property(TARGET ${target} PROPERTY IMPORTED_SONAME${config})
        set_property(TARGET ${target} PROPERTY IMPORTED_NO_SONAME TRUE)
      endif()
    endforeach()
  endforeach()
endfunction()

# Abseil's targets list their own dependencies, in link order. ICU's do not:
# an archive must come before the archives it uses, and libicuuc opens
# plug-ins with dlopen().
function(vocabcount_link_static_abseil_and_icu)
  get_directory_property(imported IMPORTED_TARGETS)
  list(FILTER imported INCLUDE REGEX "^absl::")
  vocabcount_prefer_static_archives(${imported} ICU::i18n ICU::uc ICU::data)
  set_property(TARGET ICU::i18n APPEND PROPERTY INTERFACE_LINK_LIBRARIES ICU::uc)
  set_property(TARGET ICU::uc APPEND PROPERTY INTERFACE_LINK_LIBRARIES ICU::data ${CMAKE_DL_LIBS})
endfunction()
