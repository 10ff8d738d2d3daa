// opis.v1.ArchiveService on gRPC's callback API: no thread per call.
// Reactions hand documents to the worker pool and answer when a worker is
// done. When a worker is idle and nothing is queued, a stream's reaction runs
// the document itself under that worker's index instead (the hand-off costs
// more than a small document), so at most `workers` gRPC threads are ever
// held by the pipeline.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "bearer_tokens.hpp"
#include "live_pipeline.hpp"
#include "metrics.hpp"
#include "opis/v1/archive_service.grpc.pb.h"
#include "worker_pool.hpp"

namespace opis::server {

struct ServiceLimits {
  unsigned stream_window = 32;  // documents in flight per stream
  std::chrono::milliseconds retry_after{100};
};

// Search and GetRecord go to the store; the daemon provides them.
struct StoreAccess {
  std::function<grpc::Status(const opis::v1::SearchRequest&, opis::v1::SearchResponse&)> search;
  std::function<grpc::Status(const opis::v1::GetRecordRequest&, opis::v1::GetRecordResponse&)>
      get_record;
};

// ProcessStream is a raw method (its reactor parses and writes the messages
// itself); the others are ordinary callback methods.
using ArchiveServiceBase = opis::v1::ArchiveService::WithCallbackMethod_Process<
    opis::v1::ArchiveService::WithRawCallbackMethod_ProcessStream<
        opis::v1::ArchiveService::WithCallbackMethod_ListPlugins<
            opis::v1::ArchiveService::WithCallbackMethod_GetRecord<
                opis::v1::ArchiveService::WithCallbackMethod_Search<
                    opis::v1::ArchiveService::Service>>>>>;

class ArchiveServiceImpl final : public ArchiveServiceBase {
 public:
  ArchiveServiceImpl(LivePipeline& pipeline, WorkerPool& pool, Metrics& metrics,
                     const BearerTokens& tokens, ServiceLimits limits, StoreAccess store);

  grpc::ServerUnaryReactor* Process(grpc::CallbackServerContext* context,
                                    const opis::v1::ProcessRequest* request,
                                    opis::v1::ProcessResponse* response) override;
  grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>* ProcessStream(
      grpc::CallbackServerContext* context) override;
  grpc::ServerUnaryReactor* ListPlugins(grpc::CallbackServerContext* context,
                                        const opis::v1::ListPluginsRequest* request,
                                        opis::v1::ListPluginsResponse* response) override;
  grpc::ServerUnaryReactor* GetRecord(grpc::CallbackServerContext* context,
                                      const opis::v1::GetRecordRequest* request,
                                      opis::v1::GetRecordResponse* response) override;
  grpc::ServerUnaryReactor* Search(grpc::CallbackServerContext* context,
                                   const opis::v1::SearchRequest* request,
                                   opis::v1::SearchResponse* response) override;

  // Shared by the reactors (archive_service.cpp).
  struct Shared {
    LivePipeline& pipeline;
    WorkerPool& pool;
    Metrics& metrics;
    const BearerTokens& tokens;
    ServiceLimits limits;
    StoreAccess store;
  };

 private:
  Shared shared_;
};

}  // namespace opis::server
