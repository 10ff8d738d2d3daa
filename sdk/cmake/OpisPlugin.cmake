# opis_add_plugin(NAME <name> KIND ingest|enrich|output SOURCES <files...>
#                 [LIBRARIES <targets...>])
#
# Builds a loadable opis plugin: a MODULE library named <kind>-<name>.so with
# hidden visibility, only the entry point exported (version script), and
# undefined symbols refused at link time (-z defs) so a missing dependency
# fails the build instead of the load.
function(opis_add_plugin)
  cmake_parse_arguments(P "" "NAME;KIND" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT P_NAME OR NOT P_KIND OR NOT P_SOURCES)
    message(FATAL_ERROR "opis_add_plugin needs NAME, KIND and SOURCES")
  endif()
  if(NOT P_KIND MATCHES "^(ingest|enrich|output)$")
    message(FATAL_ERROR "opis_add_plugin: KIND must be ingest, enrich or output, not '${P_KIND}'")
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
  set(OPIS_LAST_PLUGIN_TARGET ${target} PARENT_SCOPE)
endfunction()
