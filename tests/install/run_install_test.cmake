# Installs the built project into a scratch prefix, then configures, builds and
# runs the consumer project against it. Run by CTest with -P.
foreach(var BUILD_DIR SOURCE_DIR WORK_DIR MANDIR DATADIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} is not set")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed (${status}): ${ARGN}\n${out}")
  endif()
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix")
# The command, the headers, the manual page (where man finds it for a prefix
# whose bin is on PATH) and the bash completion (where bash-completion looks).
foreach(installed bin/vocabcount include/vocabcount/vocabcount.h include/vocabcount/version.h
                  ${MANDIR}/man1/vocabcount.1 ${DATADIR}/bash-completion/completions/vocabcount)
  if(NOT EXISTS "${WORK_DIR}/prefix/${installed}")
    message(FATAL_ERROR "not installed: ${installed} (the manual page needs help2man when the "
                        "build is configured)")
  endif()
endforeach()
run(${CMAKE_COMMAND} -S "${SOURCE_DIR}" -B "${WORK_DIR}/build"
    "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix" -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build "${WORK_DIR}/build")
run("${WORK_DIR}/build/consumer")
file(REMOVE_RECURSE "${WORK_DIR}")
