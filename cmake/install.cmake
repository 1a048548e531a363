# Installation, laid out like the reference's: the library (shared with its
# version links, static), the C headers and zest's C++ headers, pkg-config and
# CMake package files, the zstd program with its alias links and scripts, and
# the man pages. `cmake --install build --prefix P` (or `make install` at the
# top); `cmake --build build --target uninstall` removes what was installed.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ZEST_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake)

# Library targets under the reference's exported names (zstd::libzstd_shared,
# zstd::libzstd_static).
set_target_properties(zstd_shared PROPERTIES EXPORT_NAME libzstd_shared)
set_target_properties(zstd_static PROPERTIES EXPORT_NAME libzstd_static)
install(TARGETS zstd_shared zstd_static EXPORT zstdTargets
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/zstd.h ${PROJECT_SOURCE_DIR}/include/zstd_errors.h
              ${PROJECT_SOURCE_DIR}/include/zdict.h
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/zest DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(EXPORT zstdTargets NAMESPACE zstd:: DESTINATION ${ZEST_CMAKE_DIR}/zstd)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/zstdConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/zstdConfig.cmake
                              INSTALL_DESTINATION ${ZEST_CMAKE_DIR}/zstd)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/zstdConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/zstdConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/zstdConfigVersion.cmake
        DESTINATION ${ZEST_CMAKE_DIR}/zstd)

# find_package(zest): the header-only C++ API over the shared library.
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/zestConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/zestConfig.cmake
                              INSTALL_DESTINATION ${ZEST_CMAKE_DIR}/zest)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/zestConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/zestConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/zestConfigVersion.cmake
        DESTINATION ${ZEST_CMAKE_DIR}/zest)

# pkg-config, with the reference's fields, written at install time so that
# the prefix is the one given to `cmake --install --prefix`.
install(CODE "
  set(PROJECT_VERSION ${PROJECT_VERSION})
  set(ZEST_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  set(ZEST_PC_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR})
  set(ZEST_PC_LIBDIR ${CMAKE_INSTALL_LIBDIR})
  set(pc \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig/libzstd.pc\")
  message(STATUS \"Installing: \$ENV{DESTDIR}\${pc}\")
  configure_file(${CMAKE_CURRENT_LIST_DIR}/libzstd.pc.in \"\$ENV{DESTDIR}\${pc}\" @ONLY)
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${pc}\")")

# The program, the names that preset its behaviour, its scripts and pages.
install(TARGETS zstd RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
foreach(alias zstdcat unzstd zstdmt)
  install(CODE "
    set(link \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${alias}\")
    message(STATUS \"Installing: \$ENV{DESTDIR}\${link}\")
    file(REMOVE \"\$ENV{DESTDIR}\${link}\")
    file(CREATE_LINK zstd \"\$ENV{DESTDIR}\${link}\" SYMBOLIC)
    list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${link}\")")
endforeach()
set(ZEST_SCRIPTS ${PROJECT_SOURCE_DIR}/cli/scripts/zstdgrep ${PROJECT_SOURCE_DIR}/cli/scripts/zstdless)
foreach(script ${ZEST_SCRIPTS})
  if(EXISTS ${script})
    install(PROGRAMS ${script} DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endforeach()
foreach(page zstd zstdgrep zstdless)
  if(EXISTS ${PROJECT_SOURCE_DIR}/docs/man/${page}.1)
    install(FILES ${PROJECT_SOURCE_DIR}/docs/man/${page}.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  endif()
endforeach()
foreach(alias zstdcat unzstd)
  if(NOT EXISTS ${PROJECT_SOURCE_DIR}/docs/man/zstd.1)
    break()
  endif()
  install(CODE "
    set(link \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_MANDIR}/man1/${alias}.1\")
    message(STATUS \"Installing: \$ENV{DESTDIR}\${link}\")
    file(REMOVE \"\$ENV{DESTDIR}\${link}\")
    file(CREATE_LINK zstd.1 \"\$ENV{DESTDIR}\${link}\" SYMBOLIC)
    list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${link}\")")
endforeach()

# Uninstall: removes every file the last install listed in its manifest.
if(NOT TARGET uninstall)
  add_custom_target(uninstall
    COMMAND ${CMAKE_COMMAND} -DMANIFEST=${CMAKE_BINARY_DIR}/install_manifest.txt
            -P ${CMAKE_CURRENT_LIST_DIR}/uninstall.cmake
    COMMENT "Removing the files listed in install_manifest.txt")
endif()
