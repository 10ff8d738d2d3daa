#include "store_access.hpp"

#include <memory>
#include <mutex>
#include <string>

#include "opis/core/record_store.hpp"

namespace opis::server {

namespace {

const char* const kNoStore =
    "this daemon has no store: add an output/sqlite step to its pipeline or set `store` in its "
    "config";

// The RecordStore of the current store path, opened on first use and kept
// while the path stays the same. A failed open is not kept: the archive may
// appear once the pipeline has written its first batch.
class OpenStore {
 public:
  std::shared_ptr<const core::RecordStore> at(const std::string& path) {
    std::lock_guard lock(mutex_);
    if (!store_ || path_ != path) {
      store_ = std::make_shared<const core::RecordStore>(core::RecordStore::open(path));
      path_ = path;
    }
    return store_;
  }

 private:
  std::mutex mutex_;
  std::string path_;
  std::shared_ptr<const core::RecordStore> store_;
};

// Runs `query` on the store, mapping the store's errors to gRPC statuses: a
// bad query is the caller's (INVALID_ARGUMENT), an archive that is missing or
// unreadable is the daemon's state (FAILED_PRECONDITION).
template <class Query>
grpc::Status on_store(const LivePipeline& pipeline, OpenStore& open, Query&& query) {
  const std::string path = pipeline.store_path();
  if (path.empty()) return {grpc::StatusCode::FAILED_PRECONDITION, kNoStore};
  try {
    return query(*open.at(path));
  } catch (const core::QueryError& e) {
    return {grpc::StatusCode::INVALID_ARGUMENT, e.what()};
  } catch (const core::StoreError& e) {
    return {grpc::StatusCode::FAILED_PRECONDITION, e.what()};
  }
}

}  // namespace

StoreAccess store_access(const LivePipeline& pipeline) {
  auto open = std::make_shared<OpenStore>();
  StoreAccess access;
  access.search = [&pipeline, open](const opis::v1::SearchRequest& request,
                                    opis::v1::SearchResponse& response) {
    return on_store(pipeline, *open, [&](const core::RecordStore& store) {
      response = store.search(request);
      return grpc::Status::OK;
    });
  };
  access.get_record = [&pipeline, open](const opis::v1::GetRecordRequest& request,
                                        opis::v1::GetRecordResponse& response) {
    if (request.id().empty()) {
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "GetRecord needs an id");
    }
    return on_store(pipeline, *open, [&](const core::RecordStore& store) {
      auto record = store.get(request.id());
      if (!record) {
        return grpc::Status(grpc::StatusCode::NOT_FOUND, "no record with id " + request.id());
      }
      *response.mutable_record() = std::move(*record);
      return grpc::Status::OK;
    });
  };
  return access;
}

}  // namespace opis::server
