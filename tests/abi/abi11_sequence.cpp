// An in-order enricher built against the frozen ABI 1.1 headers
// (tests/abi/v1.1): the flag 1.1 added. It numbers the records it sees and
// notes each number with the record's source, so a later host must still
// call it one record at a time in input order.
#include <opis/sdk.hpp>
#include <string>

namespace {

class Sequence : public opis::sdk::Enricher {
 public:
  static constexpr bool in_order = true;

  void enrich(opis::sdk::RecordView& record, opis::sdk::Context& context) override {
    // No lock: an in-order enricher is never called concurrently.
    context.warn(record, "#" + std::to_string(seen_++) + " " + std::string(record.source_uri()));
  }

 private:
  unsigned long seen_ = 0;
};

}  // namespace

OPIS_EXPORT_ENRICHER(Sequence, "abi11-sequence", "1.0.0",
                     "ABI 1.1 fixture: numbers records in input order", OPIS_NO_CONFIG)
