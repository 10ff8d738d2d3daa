// output/postgres: records into PostgreSQL with the sqlite archive's
// logical layout (README.md). Records are kept by the plugin until their
// batch is committed; a batch is sent with COPY into a staging table and
// one upsert, their child rows replaced in the same transaction. When the
// connection is lost (the server restarts), the plugin reconnects with
// backoff and sends the whole batch again: the upsert makes a batch sent
// twice leave each record once.
#include <chrono>
#include <map>
#include <opis/sdk.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "copy_rows.hpp"
#include "pg_connection.hpp"
#include "pg_schema.hpp"

namespace {

using opis::postgres::Connection;
using opis::postgres::PgError;
using opis::postgres::RecordRows;
using Clock = std::chrono::steady_clock;

constexpr const char* kUpsert =
    "INSERT INTO records (id, kind, parent_id, title, date_edtf, date_begin, date_end, summary, "
    "text, source_uri, record) "
    "SELECT id, kind, parent_id, title, date_edtf, date_begin, date_end, summary, text, "
    "source_uri, record FROM opis_staging_records "
    "ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id, "
    "title = EXCLUDED.title, date_edtf = EXCLUDED.date_edtf, date_begin = EXCLUDED.date_begin, "
    "date_end = EXCLUDED.date_end, summary = EXCLUDED.summary, text = EXCLUDED.text, "
    "source_uri = EXCLUDED.source_uri, record = EXCLUDED.record";

class PostgresWriter : public opis::sdk::Writer {
 public:
  PostgresWriter(const opis::sdk::Config& config, opis::sdk::Context& context)
      : host_(context.host()),
        conninfo_(config.string("connection")),
        batch_size_(static_cast<size_t>(config.integer("batch_size", 1000))),
        reconnect_timeout_(std::chrono::milliseconds(
            static_cast<int64_t>(config.number("reconnect_timeout_seconds", 60) * 1000))) {
    // A server that is not there at start is a configuration problem (a
    // wrong host, port or password), reported before any document is read.
    try {
      connect();
    } catch (const PgError& e) {
      throw opis::sdk::Error(OPIS_IO_ERROR, std::string("postgres: ") + e.what());
    }
  }

  ~PostgresWriter() override {
    try {
      commit_pending();
    } catch (const std::exception& e) {
      log(OPIS_LOG_ERROR,
          std::to_string(pending_.size()) + " records not written: " + std::string(e.what()));
    }
  }

  PostgresWriter(PostgresWriter&&) = delete;

  void write(const opis::sdk::RecordView& record, opis::sdk::Context&) override {
    const std::string id(record.id());
    if (id.empty()) throw opis::sdk::InputError("record has no id; the postgres output needs one");
    // The last write of an id in a batch wins: one upsert cannot touch a
    // row twice.
    pending_.insert_or_assign(id, opis::postgres::copy_rows(record));
    if (pending_.size() >= batch_size_) commit_pending();
  }

  void flush(opis::sdk::Context&) override { commit_pending(); }

 private:
  void log(opis_log_level level, const std::string& message) const {
    const std::string line = "postgres: " + message;
    host_->log(nullptr, level, opis::sdk::str(line));
  }

  void connect() {
    connection_.reset();
    Connection connection(conninfo_);
    opis::postgres::prepare_schema(connection);
    opis::postgres::prepare_session(connection);
    connection_.emplace(std::move(connection));
  }

  // Sends the pending batch until it is committed. A lost connection is
  // re-established with exponential backoff (0.1 s doubling to 5 s) for up
  // to reconnect_timeout; the batch stays pending when that runs out, and
  // the next flush tries again.
  void commit_pending() {
    if (pending_.empty()) return;
    const auto deadline = Clock::now() + reconnect_timeout_;
    auto backoff = std::chrono::milliseconds(100);
    bool reported = false;
    for (;;) {
      try {
        if (!connection_) connect();
        send(pending_);
        if (reported) log(OPIS_LOG_INFO, "reconnected; the batch was sent again and committed");
        pending_.clear();
        return;
      } catch (const PgError& e) {
        if (!e.connection_lost()) {
          rollback();
          send_one_by_one(e);
          return;
        }
        connection_.reset();
        if (Clock::now() + backoff > deadline) {
          throw opis::sdk::Error(
              OPIS_IO_ERROR, "postgres: connection lost and not re-established within " +
                                 std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                    reconnect_timeout_)
                                                    .count()) +
                                 " s; " + std::to_string(pending_.size()) +
                                 " records are kept and sent at the next flush: " + e.what());
        }
        if (!reported) {
          log(OPIS_LOG_WARN, std::string(e.what()) + "; reconnecting to send " +
                                 std::to_string(pending_.size()) + " records again");
          reported = true;
        }
        std::this_thread::sleep_for(backoff);
        backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
      }
    }
  }

  // One transaction: the records into the staging table, one upsert, the
  // old child rows of these records deleted and the new ones copied in.
  void send(const std::map<std::string, RecordRows>& batch) {
    Connection& c = *connection_;
    c.execute("BEGIN");
    std::string rows;
    for (const auto& [id, record] : batch) rows += record.record;
    c.copy_in(std::string("COPY opis_staging_records (") + opis::postgres::kRecordColumns +
                  ") FROM STDIN",
              rows);
    c.execute(kUpsert);
    for (size_t t = 0; t < opis::postgres::kChildTableCount; ++t) {
      const std::string table = opis::postgres::kChildTables[t];
      c.execute("DELETE FROM " + table +
                " t USING opis_staging_records s WHERE t.record_id = s.id");
      rows.clear();
      for (const auto& [id, record] : batch) rows += record.children[t];
      if (!rows.empty()) {
        c.copy_in("COPY " + table + " (" + opis::postgres::kChildColumns[t] + ") FROM STDIN", rows);
      }
    }
    c.execute("COMMIT");
  }

  void rollback() {
    if (connection_) PQclear(PQexec(connection_->handle(), "ROLLBACK"));
  }

  // The batch failed on its data (not the connection): each record is sent
  // in a transaction of its own, so the good ones land and the failure
  // names the bad ones. A connection lost meanwhile leaves the rest pending.
  void send_one_by_one(const PgError& batch_error) {
    std::vector<std::string> failed;
    std::string first_reason;
    for (auto it = pending_.begin(); it != pending_.end();) {
      std::map<std::string, RecordRows> one;
      one.insert(pending_.extract(it++));
      try {
        send(one);
      } catch (const PgError& e) {
        if (e.connection_lost()) {
          pending_.merge(one);
          connection_.reset();
          throw opis::sdk::Error(OPIS_IO_ERROR, std::string("postgres: ") + e.what());
        }
        rollback();
        failed.push_back(one.begin()->first);
        if (first_reason.empty()) first_reason = e.what();
      }
    }
    if (failed.empty()) return;  // the batch's error did not come back one by one
    std::string ids;
    for (size_t i = 0; i < failed.size() && i < 5; ++i) ids += (i ? ", " : "") + failed[i];
    if (failed.size() > 5) ids += ", …";
    throw opis::sdk::Error(OPIS_IO_ERROR,
                           "postgres: " + std::to_string(failed.size()) + " records not written (" +
                               ids +
                               "): " + (first_reason.empty() ? batch_error.what() : first_reason));
  }

  const opis_host_api* host_;
  std::string conninfo_;
  size_t batch_size_;
  std::chrono::milliseconds reconnect_timeout_;
  std::optional<Connection> connection_;
  std::map<std::string, RecordRows> pending_;  // by id, until committed
};

}  // namespace

OPIS_EXPORT_WRITER(PostgresWriter, "postgres", "1.0.0",
                   "Records into PostgreSQL (upsert by id, full-text tsvector), batched, "
                   "surviving server restarts",
                   R"schema({
  "type": "object",
  "additionalProperties": false,
  "required": ["connection"],
  "properties": {
    "connection": {"type": "string",
                   "description": "A libpq connection string or URI, e.g. 'host=db dbname=archive user=opis' or 'postgresql://opis@db/archive'"},
    "batch_size": {"type": "integer", "minimum": 1, "default": 1000,
                   "description": "Records per transaction; a flush commits what is pending"},
    "reconnect_timeout_seconds": {"type": "number", "minimum": 0, "default": 60,
                                  "description": "How long to keep reconnecting when the server goes away before a flush fails (its records are kept for the next one)"}
  }
})schema")
