# opis_add_plugin(NAME <name> KIND ingest|enrich|output SOURCES <files...>
#                 [LIBRARIES <targets...>] [NO_INSTALL])
#
# Builds a loadable opis plugin: a MODULE library named <kind>-<name>.so with
# hidden visibility, only the entry point exported (version script), and
# undefined symbols refused at link time (-z defs) so a missing dependency
# fails the build instead of the load. The same file serves the opis source
# tree and an installed SDK (find_package(opis-sdk)): the version script sits
# beside it in both.
#
# `cmake --install` puts the plugin in ${OPIS_PLUGIN_INSTALL_DIR} (default
# lib/opis/plugins under the install prefix) unless NO_INSTALL is given.
# Sets OPIS_LAST_PLUGIN_TARGET in the caller's scope to the target's name,
# opis_<kind>_<name> with '-' turned into '_'.
set(OPIS_PLUGIN_VERSION_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/opis-plugin.map
    CACHE INTERNAL "Linker version script exporting only opis_plugin_v*")
set(OPIS_PLUGIN_INSTALL_DIR lib/opis/plugins CACHE STRING
    "Where cmake --install puts plugins, under the prefix (opis looks in lib/opis/plugins)")

function(opis_add_plugin)
  cmake_parse_arguments(P "NO_INSTALL" "NAME;KIND" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT P_NAME OR NOT P_KIND OR NOT P_SOURCES)
    message(FATAL_ERROR "opis_add_plugin needs NAME, KIND and SOURCES")
  endif()
  if(NOT P_KIND MATCHES "^(ingest|enrich|output)$")
    message(FATAL_ERROR "opis_add_plugin: KIND must be ingest, enrich or output, not '${P_KIND}'")
  endif()
  if(NOT P_NAME MATCHES "^[A-Za-z0-9][A-Za-z0-9_-]*$")
    message(FATAL_ERROR "opis_add_plugin: NAME '${P_NAME}' may hold only letters, digits, '-' and '_'")
  endif()
  set(target opis_${P_KIND}_${P_NAME})
  string(REPLACE "-" "_" target ${target})
  add_library(${target} MODULE ${P_SOURCES})
  target_link_libraries(${target} PRIVATE opis::sdk ${P_LIBRARIES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME "${P_KIND}-${P_NAME}"
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LINK_DEPENDS ${OPIS_PLUGIN_VERSION_SCRIPT})
  target_link_options(${target} PRIVATE
    -Wl,--version-script=${OPIS_PLUGIN_VERSION_SCRIPT} -Wl,-z,defs)
  if(DEFINED OPIS_PLUGIN_OUTPUT_DIR)
    set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY ${OPIS_PLUGIN_OUTPUT_DIR})
  endif()
  if(DEFINED OPIS_WARNINGS)
    target_compile_options(${target} PRIVATE ${OPIS_WARNINGS})
  endif()
  if(NOT P_NO_INSTALL)
    install(TARGETS ${target} LIBRARY DESTINATION ${OPIS_PLUGIN_INSTALL_DIR})
  endif()
  set(OPIS_LAST_PLUGIN_TARGET ${target} PARENT_SCOPE)
endfunction()
