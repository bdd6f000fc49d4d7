# Layers and the libraries made of them.
#
# Each folder of src/ is a layer: one static library, wang_<layer>, that the
# tools, the tests and the benchmarks link.  The installed libraries
# (libwang, libwang-ipasir) are not built separately: they are the object
# files of the layers they need, so every source is compiled once.  All code
# is position independent for the shared libraries.

# wang_layer(NAME [USES layer...] [LINKS target...] [PRIVATE_LINKS target...])
#
# The static library wang_NAME of src/NAME/*.cpp (a main.cpp belongs to a
# tool and is left out), linked to the layers it USES and to external
# targets (LINKS are public, PRIVATE_LINKS are not).
function(wang_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "USES;LINKS;PRIVATE_LINKS")
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cpp)
  list(FILTER sources EXCLUDE REGEX ".*/main\\.cpp$")
  add_library(wang_${name} STATIC ${sources})
  target_include_directories(wang_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  list(TRANSFORM arg_USES PREPEND wang_ OUTPUT_VARIABLE used_layers)
  target_link_libraries(wang_${name} PUBLIC ${used_layers} ${arg_LINKS} PRIVATE ${arg_PRIVATE_LINKS})
  set_property(GLOBAL PROPERTY WANG_LAYER_USES_${name} ${arg_USES})
  set_property(GLOBAL PROPERTY WANG_LAYER_LINKS_${name} ${arg_LINKS} ${arg_PRIVATE_LINKS})
endfunction()

# Sets `out` to the given layers and every layer they use, directly or not.
function(wang_layer_closure out)
  set(closure)
  set(pending ${ARGN})
  while(pending)
    list(POP_FRONT pending layer)
    if(layer IN_LIST closure)
      continue()
    endif()
    list(APPEND closure ${layer})
    get_property(uses GLOBAL PROPERTY WANG_LAYER_USES_${layer})
    list(APPEND pending ${uses})
  endwhile()
  set(${out} ${closure} PARENT_SCOPE)
endfunction()

# wang_installed_library(TARGET OUTPUT_NAME LAYERS layer... [EXPORTS symbol-pattern...])
#
# Two libraries named OUTPUT_NAME, TARGET_static (lib<OUTPUT_NAME>.a) and
# TARGET_shared (lib<OUTPUT_NAME>.so), holding the object files of LAYERS
# and of every layer they use.  EXPORTS restricts the symbols the shared
# library exports (by default all of them).  In the build tree they are
# also wang::<TARGET> (shared) and wang::<TARGET>_static, the names the
# installed CMake package gives them.
function(wang_installed_library target output_name)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "LAYERS;EXPORTS")
  wang_layer_closure(layers ${arg_LAYERS})
  set(objects)
  foreach(layer IN LISTS layers)
    get_property(links GLOBAL PROPERTY WANG_LAYER_LINKS_${layer})
    if(links)
      # The installed package would have to find these dependencies too.
      message(FATAL_ERROR "layer ${layer} of ${output_name} links ${links}; wangConfig.cmake and "
                          "${output_name}.pc do not provide it")
    endif()
    list(APPEND objects $<TARGET_OBJECTS:wang_${layer}>)
  endforeach()
  foreach(kind static shared)
    string(TOUPPER ${kind} type)
    add_library(${target}_${kind} ${type} ${objects})
    target_include_directories(${target}_${kind} PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
    target_compile_features(${target}_${kind} PUBLIC cxx_std_20)
    set_target_properties(${target}_${kind} PROPERTIES OUTPUT_NAME ${output_name} LINKER_LANGUAGE CXX)
  endforeach()
  set_target_properties(${target}_static PROPERTIES EXPORT_NAME ${target}_static)
  set_target_properties(${target}_shared PROPERTIES EXPORT_NAME ${target}
    VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR})
  if(arg_EXPORTS)
    set(script ${CMAKE_CURRENT_BINARY_DIR}/${output_name}.map)
    list(JOIN arg_EXPORTS "; " patterns)
    file(WRITE ${script} "{ global: ${patterns}; local: *; };\n")
    target_link_options(${target}_shared PRIVATE -Wl,--version-script=${script})
    set_property(TARGET ${target}_shared APPEND PROPERTY LINK_DEPENDS ${script})
  endif()
  add_library(wang::${target} ALIAS ${target}_shared)
  add_library(wang::${target}_static ALIAS ${target}_static)
endfunction()
