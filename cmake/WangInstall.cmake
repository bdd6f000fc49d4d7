# `cmake --install`: the tools, the public headers, libwang and
# libwang-ipasir (static and shared), the CMake package (find_package(wang))
# and the pkg-config files.
# Every installed file finds the others relative to its own place, so the
# tree can be moved.
include(CMakePackageConfigHelpers)

install(TARGETS wang wang-check RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/wang DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS wang_static wang_shared ipasir_static ipasir_shared
  EXPORT wangTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})

set(wang_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/wang)
install(EXPORT wangTargets NAMESPACE wang:: DESTINATION ${wang_cmake_dir})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/wangConfig.cmake.in
  ${PROJECT_BINARY_DIR}/wangConfig.cmake
  INSTALL_DESTINATION ${wang_cmake_dir}
  PATH_VARS CMAKE_INSTALL_BINDIR)
# Before 1.0 every minor version may change the interface.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/wangConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/wangConfig.cmake ${PROJECT_BINARY_DIR}/wangConfigVersion.cmake
  DESTINATION ${wang_cmake_dir})

set(wang_pkgconfig_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH WANG_PC_PREFIX_FROM_PCFILEDIR /${wang_pkgconfig_dir} /)
string(REGEX REPLACE "/$" "" WANG_PC_PREFIX_FROM_PCFILEDIR "${WANG_PC_PREFIX_FROM_PCFILEDIR}")
foreach(package wang wang-ipasir)
  configure_file(${CMAKE_CURRENT_LIST_DIR}/${package}.pc.in ${PROJECT_BINARY_DIR}/${package}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/${package}.pc DESTINATION ${wang_pkgconfig_dir})
endforeach()
