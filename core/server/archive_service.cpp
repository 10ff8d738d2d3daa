#include "archive_service.hpp"

#include <grpc/slice.h>
#include <spdlog/spdlog.h>

#include <deque>
#include <mutex>
#include <optional>

#include "response_wire.hpp"

namespace opis::server {

namespace {

using opis::v1::ProcessRequest;
using opis::v1::ProcessResponse;
using Shared = ArchiveServiceImpl::Shared;

bool authorized(const grpc::CallbackServerContext& context, const BearerTokens& tokens) {
  if (!tokens.required()) return true;
  const auto& metadata = context.client_metadata();
  const auto found = metadata.find("authorization");
  if (found == metadata.end()) return false;
  return tokens.accepts(std::string_view(found->second.data(), found->second.size()));
}

const grpc::Status kUnauthenticated(grpc::StatusCode::UNAUTHENTICATED,
                                    "missing or wrong bearer token "
                                    "(send the header \"authorization: Bearer TOKEN\")");

grpc::StatusCode status_code(opis_status status) {
  switch (status) {
    case OPIS_INVALID_INPUT:
    case OPIS_UNSUPPORTED:
      return grpc::StatusCode::INVALID_ARGUMENT;
    case OPIS_NOT_FOUND:
      return grpc::StatusCode::NOT_FOUND;
    case OPIS_CANCELLED:
      return grpc::StatusCode::CANCELLED;
    case OPIS_IO_ERROR:
      return grpc::StatusCode::UNAVAILABLE;
    default:
      return grpc::StatusCode::INTERNAL;
  }
}

core::Document to_document(const ProcessRequest& request, std::string content) {
  core::Document d;
  d.name = request.file_name();
  if (!request.source_uri().empty()) {
    d.uri = request.source_uri();
  } else if (!request.file_name().empty()) {
    d.uri = request.file_name();
  } else {
    d.uri =
        "grpc:" + (request.request_id().empty() ? std::string("request") : request.request_id());
  }
  d.media_type = request.media_type();
  d.content = std::move(content);
  for (const auto& p : request.metadata()) d.metadata.emplace_back(p.name(), p.value());
  return d;
}

std::string failure_message(const core::DocumentFailure& f, const std::string& uri) {
  return uri + ": " + (f.plugin.empty() ? "" : f.plugin + ": ") + f.reason;
}

// The document's records into `response`, or the failure as a status.
grpc::Status answer(core::DocumentResult result, const std::string& uri,
                    ProcessResponse& response) {
  if (result.failure) {
    return grpc::Status(status_code(result.failure->status), failure_message(*result.failure, uri));
  }
  // A copy: the records live in their own arenas, the response in gRPC's.
  for (const auto& record : result.records) *response.add_records() = record->message();
  return grpc::Status::OK;
}

// The response's bytes, written straight into the slice gRPC sends.
grpc::ByteBuffer to_wire(const ResponseParts& parts) {
  const std::size_t size = response_wire_size(parts);
  grpc_slice slice = grpc_slice_malloc(size);
  write_response_wire(parts, GRPC_SLICE_START_PTR(slice));
  grpc::Slice owned(slice, grpc::Slice::STEAL_REF);
  return grpc::ByteBuffer(&owned, 1);
}

bool past_deadline(const grpc::CallbackServerContext& context) {
  return context.deadline() < std::chrono::system_clock::now();
}

// A unary call's job into the pool; when the pool takes no more, the
// status the call must finish with (OK when the job was queued).
grpc::Status submit_or_refuse(Shared& shared, grpc::CallbackServerContext& context,
                              WorkerPool::Job job) {
  switch (shared.pool.try_submit(job)) {
    case WorkerPool::Submitted::queued:
      return grpc::Status::OK;
    case WorkerPool::Submitted::full: {
      const auto retry_after = std::to_string(shared.limits.retry_after.count());
      // grpc-retry-pushback-ms is what gRPC's own retry policy reads.
      context.AddTrailingMetadata("grpc-retry-pushback-ms", retry_after);
      context.AddTrailingMetadata("retry-after-ms", retry_after);
      return grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                          "the daemon's queue is full (" + std::to_string(shared.pool.capacity()) +
                              " documents waiting); retry after " + retry_after + " ms");
    }
    case WorkerPool::Submitted::closed:
      break;
  }
  return grpc::Status(grpc::StatusCode::UNAVAILABLE, "the daemon is shutting down");
}

// A unary call whose work runs on the pool; finished by the worker.
class ProcessReactor final : public grpc::ServerUnaryReactor {
 public:
  ProcessReactor(Shared& shared, grpc::CallbackServerContext* context,
                 const ProcessRequest* request, ProcessResponse* response)
      : shared_(shared), context_(context), request_(request), response_(response) {
    if (!authorized(*context, shared.tokens)) {
      finish(kUnauthenticated);
      return;
    }
    // Always through the pool, never inline: gRPC delivers OnCancel (a
    // deadline, a disconnect) only after this constructor returns.
    const grpc::Status refused =
        submit_or_refuse(shared, *context, [this](unsigned worker) { run(worker); });
    if (!refused.ok()) finish(refused);
  }

  void OnCancel() override { cancelled_ = true; }
  void OnDone() override { delete this; }

 private:
  void run(unsigned worker) {
    if (cancelled_ || past_deadline(*context_)) {
      finish(grpc::Status(past_deadline(*context_) ? grpc::StatusCode::DEADLINE_EXCEEDED
                                                   : grpc::StatusCode::CANCELLED,
                          "the call ended before its document was processed"));
      return;
    }
    core::Document document = to_document(*request_, request_->content());
    const std::string uri = document.uri;
    response_->set_request_id(request_->request_id());
    finish(answer(shared_.pipeline.process(std::move(document), worker, &cancelled_), uri,
                  *response_));
  }

  void finish(const grpc::Status& status) {
    // Counted before the client can see the answer, so a client that reads
    // the metrics right after its call finds it counted.
    shared_.metrics.rpc_finished("Process", status.error_code());
    Finish(status);
  }

  Shared& shared_;
  grpc::CallbackServerContext* context_;
  const ProcessRequest* request_;
  ProcessResponse* response_;
  std::atomic<bool> cancelled_{false};
};

// A bidirectional stream. At most `stream_window` documents of one stream
// are in the pool; beyond that, or when the pool is full, the stream stops
// reading, and HTTP/2 flow control pushes back on the client. Responses go
// out one write at a time, in the order documents finish. A document runs on
// the reading thread itself when a worker is idle and nothing is queued.
// The stream is a raw method: requests are parsed here and responses
// written by write_response_wire (see response_wire.hpp).
class ProcessStreamReactor final
    : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  ProcessStreamReactor(Shared& shared, grpc::CallbackServerContext* context)
      : shared_(shared), context_(context) {
    if (!authorized(*context, shared.tokens)) {
      finished_ = true;
      shared.metrics.rpc_finished("ProcessStream", kUnauthenticated.error_code());
      Finish(kUnauthenticated);
      return;
    }
    react([&](Actions& actions) { start_read(actions); });
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      react([&](Actions& actions) {
        reading_ = false;
        reads_done_ = true;
        finish_if_done(actions);
      });
      return;
    }
    // No read is started until this one is handled (reading_ stays true),
    // so the message is parsed outside the lock.
    auto request = std::make_shared<ProcessRequest>();
    const grpc::Status parsed =
        grpc::SerializationTraits<ProcessRequest>::Deserialize(&incoming_, request.get());
    incoming_.Clear();
    std::optional<WorkerPool::Lease> lease;
    react([&](Actions& actions) {
      reading_ = false;
      if (!parsed.ok()) {
        // Only this message fails; the stream goes on.
        respond("", grpc::StatusCode::INVALID_ARGUMENT,
                "a stream message that is not a ProcessRequest: " + parsed.error_message(), "",
                actions);
        read_more(actions);
        finish_if_done(actions);
        return;
      }
      ++in_flight_;
      // With a worker idle and nothing queued, the document runs on this
      // thread under that worker's index, saving the hand-off to the pool;
      // the next document's read overlaps this one's work.
      if (auto idle = shared_.pool.try_lease_idle_worker()) {
        lease.emplace(std::move(*idle));
        read_more(actions);
        return;
      }
      parked_ = std::move(request);
      submit_parked(actions);
      finish_if_done(actions);
    });
    // With a document in flight the stream cannot have finished.
    if (lease) run(*request, lease->worker());
  }

  void OnWriteDone(bool ok) override {
    react([&](Actions& actions) {
      outbox_.pop_front();
      writing_ = false;
      if (!ok) {
        // The client is gone: nothing more can be delivered.
        cancelled_ = true;
        outbox_.clear();
      } else {
        write_next(actions);
      }
      read_more(actions);
      finish_if_done(actions);
    });
  }

  void OnCancel() override {
    react([&](Actions& actions) {
      cancelled_ = true;
      finish_if_done(actions);
    });
  }

  void OnDone() override { delete this; }

 private:
  // What a reaction decided under mutex_, carried out once it is released:
  // StartWrite may send on the socket right away, and the stream's other
  // reactions must not wait for that. The flags set under the lock (reading_,
  // writing_, finished_) keep any other thread from starting the same
  // operation or finishing the stream in between, so the reactor outlives
  // these calls.
  struct Actions {
    grpc::ByteBuffer* write = nullptr;
    bool read = false;
    std::optional<grpc::Status> finish;
  };

  // Runs `decide` under mutex_, then carries out what it decided. The last
  // use of `this` in a reaction: Finish may lead to OnDone.
  template <class Decide>
  void react(Decide&& decide) {
    Actions actions;
    {
      std::lock_guard lock(mutex_);
      decide(actions);
    }
    if (actions.write != nullptr) StartWrite(actions.write);
    if (actions.read) StartRead(&incoming_);
    if (actions.finish) Finish(*actions.finish);
  }

  // The private members below run with mutex_ held (inside react).
  void start_read(Actions& actions) {
    reading_ = true;
    actions.read = true;
  }

  void read_more(Actions& actions) {
    if (!reading_ && !reads_done_ && !cancelled_ && !parked_ &&
        in_flight_ < shared_.limits.stream_window) {
      start_read(actions);
    }
  }

  void write_next(Actions& actions) {
    if (writing_ || outbox_.empty()) return;
    writing_ = true;
    // deque::push_back leaves references to the front valid.
    actions.write = &outbox_.front();
  }

  void submit_parked(Actions& actions) {
    std::shared_ptr<ProcessRequest> request = parked_;
    WorkerPool::Job job = [this, request](unsigned worker) { run(*request, worker); };
    switch (shared_.pool.try_submit(job, [this] { on_space(); })) {
      case WorkerPool::Submitted::queued:
        parked_.reset();
        read_more(actions);
        break;
      case WorkerPool::Submitted::full:
        waiting_for_space_ = true;
        break;
      case WorkerPool::Submitted::closed:
        parked_.reset();
        --in_flight_;
        respond(request->request_id(), grpc::StatusCode::UNAVAILABLE, "the daemon is shutting down",
                "", actions);
        break;
    }
  }

  void on_space() {
    react([&](Actions& actions) {
      waiting_for_space_ = false;
      if (parked_) {
        if (cancelled_) {
          parked_.reset();
          --in_flight_;
        } else {
          submit_parked(actions);
        }
      }
      finish_if_done(actions);
    });
  }

  void run(ProcessRequest& request, unsigned worker) {
    ProcessResponse response;
    response.set_request_id(request.request_id());
    core::DocumentResult result;                   // owns the records below
    std::vector<const opis::v1::Record*> records;  // written after `response`'s own
    if (cancelled_) {
      response.mutable_error()->set_code(grpc::StatusCode::CANCELLED);
      response.mutable_error()->set_message("the stream ended before this document was processed");
    } else {
      core::Document document = to_document(request, std::move(*request.mutable_content()));
      const std::string uri = document.uri;
      result = shared_.pipeline.process(std::move(document), worker, &cancelled_);
      if (result.failure) {
        response.mutable_error()->set_code(status_code(result.failure->status));
        response.mutable_error()->set_message(failure_message(*result.failure, uri));
        response.mutable_error()->set_plugin(result.failure->plugin);
      } else {
        records.reserve(result.records.size());
        for (const auto& record : result.records) records.push_back(&record->message());
      }
    }
    grpc::ByteBuffer wire = to_wire({response, records});
    react([&](Actions& actions) {
      --in_flight_;
      deliver(std::move(wire), actions);
      read_more(actions);
      finish_if_done(actions);
    });
  }

  void respond(const std::string& request_id, grpc::StatusCode code, const std::string& message,
               const std::string& plugin, Actions& actions) {
    ProcessResponse response;
    response.set_request_id(request_id);
    response.mutable_error()->set_code(code);
    response.mutable_error()->set_message(message);
    response.mutable_error()->set_plugin(plugin);
    deliver(to_wire({response}), actions);
  }

  void deliver(grpc::ByteBuffer response, Actions& actions) {
    if (cancelled_) return;
    outbox_.push_back(std::move(response));
    write_next(actions);
  }

  void finish_if_done(Actions& actions) {
    if (finished_ || reading_ || writing_ || in_flight_ > 0 || waiting_for_space_) return;
    if (!reads_done_ && !cancelled_) return;
    finished_ = true;
    const grpc::Status status =
        cancelled_ ? grpc::Status(grpc::StatusCode::CANCELLED, "the stream was cancelled")
                   : grpc::Status::OK;
    shared_.metrics.rpc_finished("ProcessStream", status.error_code());
    actions.finish = status;
  }

  Shared& shared_;
  grpc::CallbackServerContext* context_;
  std::mutex mutex_;
  grpc::ByteBuffer incoming_;               // StartRead's target
  std::shared_ptr<ProcessRequest> parked_;  // read, waiting for room in the pool
  std::deque<grpc::ByteBuffer> outbox_;     // front() is being written
  unsigned in_flight_ = 0;                  // read and not yet answered
  bool reading_ = false;
  bool reads_done_ = false;
  bool writing_ = false;
  bool waiting_for_space_ = false;
  bool finished_ = false;
  std::atomic<bool> cancelled_{false};
};

// Store queries run on the pool too: a reaction must not block.
template <class Request, class Response, class Query>
grpc::ServerUnaryReactor* run_store_query(Shared& shared, const char* method,
                                          grpc::CallbackServerContext* context,
                                          const Request* request, Response* response,
                                          const Query& query) {
  auto* reactor = context->DefaultReactor();
  auto finish = [&shared, reactor, method](const grpc::Status& status) {
    shared.metrics.rpc_finished(method, status.error_code());
    reactor->Finish(status);
  };
  if (!authorized(*context, shared.tokens)) {
    finish(kUnauthenticated);
    return reactor;
  }
  if (!query) {
    finish(grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                        "this daemon has no store: add an output/sqlite step to its pipeline "
                        "or set `store` in its config"));
    return reactor;
  }
  WorkerPool::Job job = [finish, &query, request, response](unsigned) {
    grpc::Status status;
    try {
      status = query(*request, *response);
    } catch (const std::exception& e) {
      status = grpc::Status(grpc::StatusCode::INTERNAL, e.what());
    }
    finish(status);
  };
  const grpc::Status refused = submit_or_refuse(shared, *context, job);
  if (!refused.ok()) finish(refused);
  return reactor;
}

}  // namespace

ArchiveServiceImpl::ArchiveServiceImpl(LivePipeline& pipeline, WorkerPool& pool, Metrics& metrics,
                                       const BearerTokens& tokens, ServiceLimits limits,
                                       StoreAccess store)
    : shared_{pipeline, pool, metrics, tokens, limits, std::move(store)} {}

grpc::ServerUnaryReactor* ArchiveServiceImpl::Process(grpc::CallbackServerContext* context,
                                                      const ProcessRequest* request,
                                                      ProcessResponse* response) {
  return new ProcessReactor(shared_, context, request, response);
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* ArchiveServiceImpl::ProcessStream(
    grpc::CallbackServerContext* context) {
  return new ProcessStreamReactor(shared_, context);
}

grpc::ServerUnaryReactor* ArchiveServiceImpl::ListPlugins(
    grpc::CallbackServerContext* context, const opis::v1::ListPluginsRequest* /*request*/,
    opis::v1::ListPluginsResponse* response) {
  auto* reactor = context->DefaultReactor();
  grpc::Status status = kUnauthenticated;
  if (authorized(*context, shared_.tokens)) {
    for (const auto& plugin : shared_.pipeline.plugins()) {
      const auto& m = plugin->metadata();
      auto* info = response->add_plugins();
      info->set_name(m.name);
      info->set_kind(m.kind);
      info->set_version(m.version);
      info->set_abi(m.abi());
      info->set_description(m.description);
      info->set_config_schema(m.config_schema);
      info->set_path(plugin->path().string());
      for (const auto& type : m.media_types) info->add_media_types(type);
    }
    status = grpc::Status::OK;
  }
  shared_.metrics.rpc_finished("ListPlugins", status.error_code());
  reactor->Finish(status);
  return reactor;
}

grpc::ServerUnaryReactor* ArchiveServiceImpl::GetRecord(grpc::CallbackServerContext* context,
                                                        const opis::v1::GetRecordRequest* request,
                                                        opis::v1::GetRecordResponse* response) {
  return run_store_query(shared_, "GetRecord", context, request, response,
                         shared_.store.get_record);
}

grpc::ServerUnaryReactor* ArchiveServiceImpl::Search(grpc::CallbackServerContext* context,
                                                     const opis::v1::SearchRequest* request,
                                                     opis::v1::SearchResponse* response) {
  return run_store_query(shared_, "Search", context, request, response, shared_.store.search);
}

}  // namespace opis::server
