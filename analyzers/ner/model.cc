// Reading and writing the recognizer's model file (model.h).
#include "analyzers/ner/model.h"

#include <cstring>

#include "error/error.h"

namespace rasd::ner {
namespace {

constexpr std::string_view kMagic = "RASDNER1";

class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  const unsigned char* take(std::size_t n) {
    if (n > b_.size() - at_) throw Error("analyzers/data/ner_model.bin: truncated at byte " + std::to_string(at_));
    const auto* p = reinterpret_cast<const unsigned char*>(b_.data() + at_);
    at_ += n;
    return p;
  }
  template <class T>
  T read() {
    T v;
    std::memcpy(&v, take(sizeof v), sizeof v);
    return v;
  }
  void align(std::size_t a) { at_ = (at_ + a - 1) / a * a; }
  std::size_t at() const { return at_; }
  std::size_t size() const { return b_.size(); }

 private:
  std::string_view b_;
  std::size_t at_ = 0;
};

template <class T>
void put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}

}  // namespace

void FingerprintTable::build(const std::vector<std::uint32_t>& fps) {
  std::size_t cap = 16;
  while (cap < fps.size() * 2) cap *= 2;
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  for (std::uint32_t row = 0; row < fps.size(); ++row) {
    std::size_t i = mix(fps[row]) & mask_;
    while (slots_[i].row != kAbsent) i = (i + 1) & mask_;
    slots_[i] = {fps[row], row};
  }
}

Model::Model(std::string_view bytes) {
  Reader r(bytes);
  if (std::memcmp(r.take(kMagic.size()), kMagic.data(), kMagic.size()) != 0)
    throw Error("analyzers/data/ner_model.bin: not a rasd recognizer model");
  const auto k = r.read<std::uint32_t>();
  if (k == 0 || k > 64) throw Error("analyzers/data/ner_model.bin: bad class count");
  for (std::uint32_t c = 0; c < k; ++c) {
    const auto n = r.read<std::uint8_t>();
    names_.emplace_back(reinterpret_cast<const char*>(r.take(n)), n);
  }
  scale_ = r.read<float>();
  min_confidence_ = r.read<float>();
  for (std::uint32_t c = 0; c < k; ++c) bias_.push_back(r.read<float>());
  for (std::uint32_t c = 0; c < k * k; ++c) transitions_.push_back(r.read<float>());
  cluster_count_ = r.read<std::uint32_t>();
  clusters_ = r.take(cluster_count_ * 8);
  std::vector<std::uint32_t> fps(cluster_count_);
  for (std::size_t i = 0; i < cluster_count_; ++i) std::memcpy(&fps[i], clusters_ + 8 * i, 4);
  cluster_table_.build(fps);
  feature_count_ = r.read<std::uint32_t>();
  fps.resize(feature_count_);
  std::memcpy(fps.data(), r.take(feature_count_ * 4), feature_count_ * 4);
  feature_table_.build(fps);
  r.align(2);
  weights_ = reinterpret_cast<const std::int16_t*>(r.take(feature_count_ * k * 2));
  if (reinterpret_cast<std::uintptr_t>(weights_) % alignof(std::int16_t) != 0)
    throw Error("analyzers/data/ner_model.bin: misaligned weights");
  if (r.at() != r.size()) throw Error("analyzers/data/ner_model.bin: trailing bytes at " + std::to_string(r.at()));
}

bool Model::find(std::string_view norm, std::uint16_t& coarse, std::uint16_t& fine) const {
  const std::uint32_t row = cluster_table_.find(fingerprint(attribute('w', norm)));
  if (row == FingerprintTable::kAbsent) return false;
  std::memcpy(&coarse, clusters_ + 8 * row + 4, 2);
  std::memcpy(&fine, clusters_ + 8 * row + 6, 2);
  return true;
}

std::string ModelData::serialize() const {
  std::string out(kMagic);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(classes.size()));
  for (const std::string& c : classes) {
    put<std::uint8_t>(out, static_cast<std::uint8_t>(c.size()));
    out += c;
  }
  put<float>(out, scale);
  put<float>(out, min_confidence);
  for (float b : bias) put<float>(out, b);
  for (std::size_t c = 0; c < classes.size() * classes.size(); ++c)
    put<float>(out, c < transitions.size() ? transitions[c] : 0.0f);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(clusters.size()));
  for (const Cluster& c : clusters) {
    put(out, c.fingerprint);
    put(out, c.coarse);
    put(out, c.fine);
  }
  put<std::uint32_t>(out, static_cast<std::uint32_t>(keys.size()));
  for (std::uint32_t k : keys) put(out, k);
  if (out.size() % 2) out += '\0';
  for (std::int16_t w : weights) put(out, w);
  return out;
}

}  // namespace rasd::ner
