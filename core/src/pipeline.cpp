#include "opis/core/pipeline.hpp"

#include <chrono>
#include <limits>

#include "opis/core/error.hpp"
#include "opis/core/media_type.hpp"
#include "opis/core/text.hpp"

namespace opis::core {

struct Pipeline::Step {
  PipelineStep config;
  std::shared_ptr<const PluginLibrary> library;
  opis_config plugin_config;
  std::vector<std::unique_ptr<PluginInstance>> instances;
  // Ingest: what the step reads (the pipeline's match, else the plugin's).
  std::vector<std::string> media_types;
  std::vector<std::string> globs;

  std::string label() const { return library->identity().kind + "/" + library->identity().name; }
  bool accepts(const Document& d) const {
    for (const auto& m : media_types) {
      if (media_type_match(m, d.media_type)) return true;
    }
    for (const auto& g : globs) {
      if (glob_match(g, d.name)) return true;
    }
    return false;
  }
};

namespace {

uint32_t elapsed_us(std::chrono::steady_clock::time_point since) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                      std::chrono::steady_clock::now() - since)
                      .count();
  return static_cast<uint32_t>(std::min<int64_t>(us, std::numeric_limits<uint32_t>::max()));
}

opis_str str(const std::string& s) {
  return {s.data(), s.size()};
}

}  // namespace

Pipeline::Pipeline(const PipelineConfig& config, const PluginRegistry& registry, unsigned workers)
    : config_(config), workers_(workers == 0 ? 1 : workers) {
  // Check everything before creating anything, and report every problem.
  std::vector<std::string> problems;
  auto resolve = [&](const std::vector<PipelineStep>& steps, opis_plugin_kind kind,
                     std::vector<std::unique_ptr<Step>>& out) {
    for (const auto& step_config : steps) {
      const PluginLibrary* plugin = registry.find(kind, step_config.plugin);
      if (plugin == nullptr) {
        std::string known;
        for (const auto& p : registry.plugins()) {
          if (p->kind() == kind) known += (known.empty() ? "" : ", ") + p->metadata().name;
        }
        problems.push_back(step_config.location + ": no " + kind_name(kind) + " plugin named '" +
                           step_config.plugin +
                           "' (available: " + (known.empty() ? "none" : known) + ")");
        continue;
      }
      const auto errors = plugin->schema().validate(step_config.config);
      for (const auto& e : errors) {
        problems.push_back(step_config.location + ": config of " + kind_name(kind) + " plugin '" +
                           step_config.plugin + "' is invalid " + e);
      }
      if (!errors.empty()) continue;
      auto step = std::make_unique<Step>();
      step->config = step_config;
      step->library = registry.shared(plugin);
      step->plugin_config.value = plugin->schema().with_defaults(step_config.config);
      step->plugin_config.text = step->plugin_config.value.dump();
      step->media_types = step_config.media_types;
      step->globs = step_config.globs;
      if (step->media_types.empty() && step->globs.empty()) {
        step->media_types = plugin->metadata().media_types;
        step->globs = plugin->metadata().file_patterns;
      }
      out.push_back(std::move(step));
    }
  };
  resolve(config.ingest, OPIS_KIND_INGEST, ingest_);
  resolve(config.enrich, OPIS_KIND_ENRICH, enrich_);
  resolve(config.output, OPIS_KIND_OUTPUT, output_);
  if (!problems.empty()) {
    std::string message = config.source + ": the pipeline is not valid:";
    for (const auto& p : problems) message += "\n  " + p;
    throw UsageError(message);
  }

  in_order_begin_ = enrich_.size();
  for (size_t i = 0; i < enrich_.size(); ++i) {
    if (enrich_[i]->library->in_order()) {
      in_order_begin_ = i;
      break;
    }
  }

  auto instantiate = [&](std::vector<std::unique_ptr<Step>>& steps, size_t begin, size_t end,
                         unsigned copies) {
    for (size_t s = begin; s < end; ++s) {
      Step& step = *steps[s];
      const unsigned n = step.library->thread_safe() ? 1 : copies;
      for (unsigned i = 0; i < n; ++i) {
        step.instances.push_back(
            std::make_unique<PluginInstance>(step.library, step.plugin_config));
      }
    }
  };
  instantiate(ingest_, 0, ingest_.size(), workers_);
  instantiate(enrich_, 0, in_order_begin_, workers_);
  // In-order steps run one record at a time on one thread: one instance.
  instantiate(enrich_, in_order_begin_, enrich_.size(), 1);
  instantiate(output_, 0, output_.size(), 1);
}

// Instances go before the libraries they came from (each Step holds both,
// instances declared after the library).
Pipeline::~Pipeline() = default;

PluginInstance& Pipeline::instance(Step& step, unsigned worker) {
  return *step.instances[step.instances.size() == 1 ? 0 : worker % step.instances.size()];
}

Pipeline::Step& Pipeline::ingester_for(const Document& document, unsigned worker,
                                       std::string& why_none) {
  std::vector<Step*> candidates;
  for (auto& step : ingest_) {
    if (step->accepts(document)) candidates.push_back(step.get());
  }
  if (candidates.empty()) {
    why_none = "no ingester in the pipeline reads " + document.media_type + " (";
    for (size_t i = 0; i < ingest_.size(); ++i) {
      const auto& s = *ingest_[i];
      why_none += (i ? "; " : "") + s.config.plugin + " reads ";
      std::string reads;
      for (const auto& m : s.media_types) reads += (reads.empty() ? "" : ", ") + m;
      for (const auto& g : s.globs) reads += (reads.empty() ? "" : ", ") + g;
      why_none += reads.empty() ? "nothing" : reads;
    }
    why_none += ")";
    return *ingest_.front();
  }
  if (candidates.size() == 1) return *candidates.front();

  const opis_document doc{sizeof(opis_document), str(document.content),    str(document.uri),
                          str(document.name),    str(document.media_type), {nullptr, 0}};
  Step* best = nullptr;
  int best_score = 0;
  std::string scores;
  for (Step* step : candidates) {
    const int score = instance(*step, worker).probe(doc);
    scores += (scores.empty() ? "" : ", ") + step->config.plugin + " " + std::to_string(score);
    if (score > best_score) {  // ties keep the earlier step
      best = step;
      best_score = score;
    }
  }
  if (best == nullptr) {
    why_none = "no ingester recognizes the content (confidence: " + scores + ")";
    return *candidates.front();
  }
  return *best;
}

void Pipeline::stamp_record(opis_record& record, const Document& document,
                            const std::string& sha256, const Step& ingester, uint32_t position,
                            uint32_t duration_us) {
  auto& r = record.message();
  auto* source = r.mutable_source();
  // A re-ingested record keeps its original identity and source.
  const bool fresh = r.id().empty();
  if (fresh) {
    r.set_position(position);
    const auto& plugin = ingester.library->identity().name;
    r.set_id(sha256_hex(sha256 + '\n' + plugin + '\n' + std::to_string(position)));
  }
  if (source->uri().empty()) source->set_uri(document.uri);
  if (source->media_type().empty()) source->set_media_type(document.media_type);
  if (source->sha256().empty()) source->set_sha256(sha256);
  if (source->size() == 0) source->set_size(document.content.size());
  if (source->name().empty()) source->set_name(document.name);
  if (source->metadata().empty()) {
    for (const auto& [name, value] : document.metadata) {
      auto* p = source->add_metadata();
      p->set_name(name);
      p->set_value(value);
    }
  }
  if (r.kind().empty()) r.set_kind("document");
  auto* event = r.add_provenance();
  event->set_plugin(ingester.library->identity().name);
  event->set_version(ingester.library->identity().version);
  event->set_kind("ingest");
  event->set_outcome("ok");
  if (config_.timings) event->set_duration_us(duration_us);
}

DocumentResult Pipeline::process(Document document, unsigned worker,
                                 const std::atomic<bool>* cancel) {
  DocumentResult result;
  if (document.media_type.empty()) {
    document.media_type = sniff_media_type(document.name, document.content);
  }
  std::string why_none;
  Step& ingester = ingester_for(document, worker, why_none);
  if (!why_none.empty()) {
    result.failure = DocumentFailure{"", OPIS_INVALID_INPUT, why_none};
    return result;
  }
  const std::string sha256 = sha256_hex(document.content);
  const opis_document doc{sizeof(opis_document), str(document.content),    str(document.uri),
                          str(document.name),    str(document.media_type), str(sha256)};
  if (observer_ != nullptr) observer_->step_started(ingester.label());
  const auto started = std::chrono::steady_clock::now();
  const CallResult ingested = instance(ingester, worker).ingest(doc, result.records, cancel);
  const uint32_t ingest_us = elapsed_us(started);
  if (observer_ != nullptr) {
    observer_->step_finished(ingester.label(), std::chrono::steady_clock::now() - started,
                             ingested.ok());
  }
  if (!ingested.ok()) {
    result.records.clear();
    result.failure = DocumentFailure{ingester.label(), ingested.status, ingested.message};
    return result;
  }
  for (size_t i = 0; i < result.records.size(); ++i) {
    stamp_record(*result.records[i], document, sha256, ingester, static_cast<uint32_t>(i),
                 ingest_us);
  }

  enrich_steps(result, 0, in_order_begin_, document.uri, worker, cancel);
  return result;
}

void Pipeline::enrich_in_order(DocumentResult& result, const std::string& uri,
                               const std::atomic<bool>* cancel) {
  if (result.failure || !has_in_order_steps()) return;
  enrich_steps(result, in_order_begin_, enrich_.size(), uri, 0, cancel);
}

void Pipeline::enrich_steps(DocumentResult& result, size_t begin, size_t end,
                            const std::string& uri, unsigned worker,
                            const std::atomic<bool>* cancel) {
  for (auto& record : result.records) {
    for (size_t s = begin; s < end; ++s) {
      Step& step = *enrich_[s];
      const auto& identity = step.library->identity();
      if (observer_ != nullptr) observer_->step_started(step.label());
      const auto began = std::chrono::steady_clock::now();
      const CallResult enriched = instance(step, worker).enrich(*record, uri, cancel);
      if (observer_ != nullptr) {
        observer_->step_finished(step.label(), std::chrono::steady_clock::now() - began,
                                 enriched.ok());
      }
      auto* event = record->message().add_provenance();
      event->set_plugin(identity.name);
      event->set_version(identity.version);
      event->set_kind("enrich");
      if (config_.timings) event->set_duration_us(elapsed_us(began));
      if (enriched.ok()) {
        event->set_outcome("ok");
        continue;
      }
      event->set_outcome("failed");
      event->set_message(enriched.message);
      if (config_.on_enrich_error == EnrichErrorPolicy::kFailDocument ||
          enriched.status == OPIS_CANCELLED) {
        result.records.clear();
        result.failure = DocumentFailure{step.label(), enriched.status, enriched.message};
        return;
      }
      record->message().add_warnings(identity.name + " failed: " + enriched.message);
    }
  }
}

std::optional<DocumentFailure> Pipeline::write(const DocumentResult& result, std::string_view uri) {
  for (auto& step : output_) {
    if (observer_ != nullptr) observer_->step_started(step->label());
    const auto began = std::chrono::steady_clock::now();
    for (const auto& record : result.records) {
      const CallResult written = step->instances.front()->write(*record, uri);
      if (!written.ok()) return DocumentFailure{step->label(), written.status, written.message};
    }
    if (observer_ != nullptr) {
      observer_->step_finished(step->label(), std::chrono::steady_clock::now() - began, true);
    }
  }
  return std::nullopt;
}

std::vector<std::string> Pipeline::flush() {
  std::vector<std::string> errors;
  for (auto& step : output_) {
    const CallResult flushed = step->instances.front()->flush();
    if (!flushed.ok()) errors.push_back(step->label() + ": " + flushed.message);
  }
  return errors;
}

}  // namespace opis::core
