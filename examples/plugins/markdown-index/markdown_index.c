/* markdown-index: an opis output plugin in C99 against plugin.h alone.
 * Writes a Markdown index of the records: a heading, then one bullet per
 * record in input order with its date, title, kind and source name.
 * The file is written as PATH.partial and renamed to PATH by flush, so a
 * reader never sees a half-written index; each flush rewrites it whole. */
#include <errno.h>
#include <opis/plugin.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCHEMA                                                               \
  "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"     \
  "\"path\":{\"type\":\"string\",\"minLength\":1,\"default\":\"index.md\"}," \
  "\"heading\":{\"type\":\"string\",\"default\":\"Index\"}}}"

OPIS_PLUGIN_METADATA("markdown-index", "1.0.0", "output",
                     "A Markdown index: one bullet per record with date, title, kind, source", "",
                     "", SCHEMA);

/* A growable byte buffer: the index so far. */
typedef struct buffer {
  char* data;
  size_t size;
  size_t capacity;
} buffer;

static int buffer_append(buffer* b, const char* data, size_t size) {
  if (b->size + size > b->capacity) {
    size_t capacity = b->capacity == 0 ? 4096 : b->capacity;
    char* grown;
    while (capacity < b->size + size) capacity *= 2;
    grown = (char*)realloc(b->data, capacity);
    if (grown == NULL) return 0;
    b->data = grown;
    b->capacity = capacity;
  }
  if (size > 0) memcpy(b->data + b->size, data, size);
  b->size += size;
  return 1;
}

static int buffer_text(buffer* b, const char* text) {
  return buffer_append(b, text, strlen(text));
}

/* Appends `value` with Markdown's inline markup characters escaped and line
 * breaks turned into spaces, so every record stays one bullet. */
static int buffer_escaped(buffer* b, opis_str value) {
  size_t i;
  for (i = 0; i < value.size; ++i) {
    char c = value.data[i];
    int ok;
    if (c == '\n' || c == '\r' || c == '\t') {
      ok = buffer_append(b, " ", 1);
    } else if (strchr("\\`*_[]<>#|", c) != NULL) {
      char escaped[2];
      escaped[0] = '\\';
      escaped[1] = c;
      ok = buffer_append(b, escaped, 2);
    } else {
      ok = buffer_append(b, &c, 1);
    }
    if (!ok) return 0;
  }
  return 1;
}

typedef struct index_plugin {
  const opis_host_api* host;
  char* path;
  char* partial_path;
  buffer index;
} index_plugin;

static opis_status fail_with(const opis_host_api* host, opis_call* call, opis_status status,
                             const char* what, const char* path) {
  char message[1024];
  opis_str text;
  snprintf(message, sizeof message, "%s %s: %s", what, path, strerror(errno));
  text.data = message;
  text.size = strlen(message);
  return host->fail(call, status, text);
}

static char* copy_string(opis_str s, const char* suffix) {
  size_t suffix_size = strlen(suffix);
  char* out = (char*)malloc(s.size + suffix_size + 1);
  if (out == NULL) return NULL;
  memcpy(out, s.data, s.size);
  memcpy(out + s.size, suffix, suffix_size + 1);
  return out;
}

static void index_destroy(void* instance) {
  index_plugin* self = (index_plugin*)instance;
  if (self == NULL) return;
  free(self->path);
  free(self->partial_path);
  free(self->index.data);
  free(self);
}

static opis_status index_create(const opis_host_api* host, const opis_config* config,
                                void** instance, opis_call* call) {
  index_plugin* self = (index_plugin*)calloc(1, sizeof *self);
  opis_str path = {NULL, 0}, heading = {NULL, 0};
  FILE* probe;
  opis_str no_memory = {"out of memory", 13};
  if (self == NULL) return host->fail(call, OPIS_INTERNAL, no_memory);
  self->host = host;
  /* Both have defaults in the schema, which the host applied. */
  host->config_string(config, "path", &path);
  host->config_string(config, "heading", &heading);
  self->path = copy_string(path, "");
  self->partial_path = copy_string(path, ".partial");
  if (self->path == NULL || self->partial_path == NULL || !buffer_text(&self->index, "# ") ||
      !buffer_escaped(&self->index, heading) || !buffer_text(&self->index, "\n\n")) {
    index_destroy(self);
    return host->fail(call, OPIS_INTERNAL, no_memory);
  }
  /* Fail at start, before any document is read, when the file cannot be
   * written. */
  probe = fopen(self->partial_path, "wb");
  if (probe == NULL) {
    opis_status status =
        fail_with(host, call, OPIS_INVALID_CONFIG, "cannot write", self->partial_path);
    index_destroy(self);
    return status;
  }
  fclose(probe);
  remove(self->partial_path);
  *instance = self;
  return OPIS_OK;
}

static opis_status index_write(void* instance, const opis_record* record, opis_call* call) {
  index_plugin* self = (index_plugin*)instance;
  const opis_host_api* host = self->host;
  opis_str date = host->record_get(record, OPIS_FIELD_DATE_EDTF);
  opis_str title = host->record_get(record, OPIS_FIELD_TITLE);
  opis_str kind = host->record_get(record, OPIS_FIELD_KIND);
  opis_str source = host->record_get(record, OPIS_FIELD_SOURCE_NAME);
  opis_str undated = {"undated", 7}, untitled = {"(untitled)", 10};
  buffer* b = &self->index;
  int ok = buffer_text(b, "- ") && buffer_escaped(b, date.size > 0 ? date : undated) &&
           buffer_text(b, " — ") && buffer_text(b, title.size > 0 ? "**" : "") &&
           buffer_escaped(b, title.size > 0 ? title : untitled) &&
           buffer_text(b, title.size > 0 ? "**" : "") && buffer_text(b, " (") &&
           buffer_escaped(b, kind) && buffer_text(b, source.size > 0 ? ", " : "") &&
           buffer_escaped(b, source) && buffer_text(b, ")\n");
  if (!ok) {
    opis_str message = {"out of memory", 13};
    return host->fail(call, OPIS_INTERNAL, message);
  }
  return OPIS_OK;
}

static opis_status index_flush(void* instance, opis_call* call) {
  index_plugin* self = (index_plugin*)instance;
  FILE* file = fopen(self->partial_path, "wb");
  int ok;
  if (file == NULL) {
    return fail_with(self->host, call, OPIS_IO_ERROR, "cannot write", self->partial_path);
  }
  ok = fwrite(self->index.data, 1, self->index.size, file) == self->index.size;
  ok = fclose(file) == 0 && ok;
  if (!ok) return fail_with(self->host, call, OPIS_IO_ERROR, "cannot write", self->partial_path);
  if (rename(self->partial_path, self->path) != 0) {
    return fail_with(self->host, call, OPIS_IO_ERROR, "cannot rename to", self->path);
  }
  return OPIS_OK;
}

static const opis_plugin_descriptor descriptor = {
    sizeof(opis_plugin_descriptor),
    OPIS_ABI_MAJOR,
    OPIS_ABI_MINOR,
    OPIS_KIND_OUTPUT,
    0,
    "markdown-index",
    "1.0.0",
    "A Markdown index: one bullet per record with date, title, kind, source",
    SCHEMA,
    NULL,
    NULL,
    index_create,
    index_destroy,
    NULL, /* probe */
    NULL, /* ingest */
    NULL, /* enrich */
    index_write,
    index_flush,
};

OPIS_EXPORT const opis_plugin_descriptor* OPIS_ENTRY(void) {
  return &descriptor;
}
