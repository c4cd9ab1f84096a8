#include "services/reporting/reporting_node.h"

#include <chrono>

#include <prometheus/gauge.h>
#include <prometheus/registry.h>

#include "common/channel.h"
#include "common/vn_time.h"
#include "common/federation/envelope.h"
#include "common/grpc_status.h"

namespace tdkt::reporting {

namespace {
NominationClientOptions ClientOptions(const ReportingNodeOptions& o) {
  NominationClientOptions c;
  c.address = o.nomination_address;
  c.jwt_secret = o.jwt_secret;
  c.subject = "reporting@" + o.node_agency;
  c.agency = o.node_agency;
  c.deadline_ms = o.nomination_deadline_ms;
  return c;
}

CampaignMediaSourceOptions MediaOptions(const ReportingNodeOptions& o) {
  CampaignMediaSourceOptions c;
  c.address = o.campaign_media_address;
  c.jwt_secret = o.jwt_secret;
  c.subject = "reporting@" + o.node_agency;
  c.agency = o.node_agency;
  c.deadline_ms = o.campaign_media_deadline_ms;
  return c;
}
}  // namespace

ReportingNode::ReportingNode(ReportingNodeOptions options, prometheus::Registry* registry)
    : options_(std::move(options)),
      registry_(registry),
      redis_(options_.redis, registry),
      verifier_(options_.jwt_secret),
      nominations_(ClientOptions(options_)),
      campaign_media_(MediaOptions(options_)),
      report_store_(redis_),
      activity_store_(redis_),
      quota_store_(redis_),
      statutory_(redis_, verifier_, nominations_, options_.node_agency),
      context_{nominations_,
               report_store_,
               activity_store_,
               quota_store_,
               options_.clock ? *options_.clock : static_cast<const Clock&>(system_clock_),
               options_.node_agency,
               options_.federation,
               {}},
      quota_manager_(context_),
      activity_manager_(context_),
      report_manager_(context_, quota_manager_, activity_manager_, statutory_.manager()),
      report_service_(report_manager_, verifier_),
      activity_service_(activity_manager_, verifier_),
      quota_service_(quota_manager_, verifier_),
      federation_service_(report_manager_) {
  // At a parent, the statutory forms' roll-up reads the children's latest
  // reports through the report manager.
  statutory_.manager().SetChildFigures(&report_manager_);
  context_.campaign_media = &campaign_media_;
}

struct ReportingNode::ReportGauges {
  prometheus::Family<prometheus::Gauge>* expected;
  prometheus::Family<prometheus::Gauge>* received;
  prometheus::Family<prometheus::Gauge>* overdue;
};

ReportingNode::~ReportingNode() {
  if (gauge_refresher_) gauge_refresher_->Stop();
  StopUplink();
}

Status ReportingNode::RefreshGauges() {
  if (!gauges_) return Status::Ok();
  const AgencyTree no_names;  // Counts only: names are not needed.
  const int this_year = VietnamYear(context_.NowMs() / 1000);
  for (int year : {this_year - 1, this_year}) {
    auto completeness = report_manager_.Completeness(no_names, year);
    if (!completeness.ok()) return completeness.status();
    int received = 0, overdue = 0;
    for (const auto& child : completeness->children()) {
      received += child.received();
      overdue += !child.received() && child.state() == rv1::LATE;
    }
    const prometheus::Labels labels{{"year", std::to_string(year)}};
    gauges_->expected->Add(labels).Set(completeness->expected());
    gauges_->received->Add(labels).Set(received);
    gauges_->overdue->Add(labels).Set(overdue);
  }
  return Status::Ok();
}

Status ReportingNode::Initialize() {
  auto ping = redis_.Command({"PING"});
  if (!ping.ok()) return ping.status();
  if (registry_ && !gauges_) {
    auto family = [this](const char* name, const char* help) {
      return &prometheus::BuildGauge().Name(name).Help(help).Register(*registry_);
    };
    gauges_ = std::make_unique<ReportGauges>(ReportGauges{
        family("tdkt_reports_expected", "Yearly reports expected from the node's children (federation file)"),
        family("tdkt_reports_received", "Yearly reports received from the node's children"),
        family("tdkt_reports_overdue", "Expected yearly reports not received after their due date (15 December)")});
    if (options_.gauge_refresh_ms > 0) {
      gauge_refresher_ = std::make_unique<GaugeRefresher>("reports", options_.gauge_refresh_ms,
                                                          [this] { return RefreshGauges(); });
    }
  }
  const auto& fed = options_.federation;
  if (fed.enabled() && fed.agency != options_.node_agency) {
    return Status::InvalidArgument("federation-file",
                                   "the node file is for agency " + fed.agency + ", this node serves " +
                                       options_.node_agency);
  }
  auto children = fed.ChildKeys();
  if (!children.ok()) return children.status();
  context_.child_keys = std::move(*children);
  if (!fed.parent) return Status::Ok();
  if (fed.parent->reporting_address.empty()) {
    return Status::InvalidArgument("federation-file", "parent.reporting_address is needed to submit reports upward");
  }
  if (!options_.signing_key) {
    auto key = federation::SigningKey::LoadOrCreate(fed.signing_key_file);
    if (!key.ok()) return key.status();
    options_.signing_key = std::move(*key);
  }
  parent_ = rv1::ReportFederationService::NewStub(
      MakeChannel(fed.parent->reporting_address, fed.tls));
  federation::UplinkOptions uo;
  uo.name = "reports";
  uo.stream_key = kUplinkStream;
  uo.dead_letter_key = kUplinkDeadLetters;
  uo.initial_backoff_ms = fed.initial_backoff_ms;
  uo.max_backoff_ms = fed.max_backoff_ms;
  uo.max_refusals = fed.max_refusals;
  uo.holder = fed.instance;
  uo.lease_ms = federation::LeaseMsFor(fed.deadline_ms);
  uplink_ = std::make_unique<federation::Uplink>(
      redis_, uo, [this](const federation::QueuedItem& item) { return Send(item); }, registry_);
  return uplink_->Initialize();
}

Status ReportingNode::Send(const federation::QueuedItem& item) {
  auto field = [&](const char* name) {
    auto it = item.fields.find(name);
    return it == item.fields.end() ? std::string() : it->second;
  };
  const std::string agency = field("agency");
  int year = 0, version = 0;
  try {
    year = std::stoi(field("year"));
    version = std::stoi(field("version"));
  } catch (...) {
    return Status::InvalidArgument("uplink", "queued entry " + item.entry_id + " is malformed");
  }
  auto stored = report_store_.Get(agency, year, version);
  if (!stored.ok()) return stored.status();
  if (!*stored) return Status::NotFound("queued report " + agency + "/" + std::to_string(year) + " v" +
                                        std::to_string(version) + " is not stored");
  rv1::ReportSubmission submission;
  *submission.mutable_version() = std::move(**stored);
  const auto& fed = options_.federation;
  fv1::Envelope envelope =
      federation::Seal(*options_.signing_key, options_.node_agency + "/reports/" + item.entry_id,
                       options_.node_agency, fed.parent->agency, "report", submission.SerializeAsString(),
                       context_.NowMs());
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(fed.deadline_ms));
  fv1::Receipt receipt;
  return FromGrpcStatus(parent_->ReceiveReport(&context, envelope, &receipt));
}

void ReportingNode::Register(ServerHost& host) {
  host.AddService(&report_service_);
  host.AddService(&activity_service_);
  host.AddService(&quota_service_);
  host.AddService(&federation_service_);
  statutory_.Register(host);
}

void ReportingNode::StartUplink() {
  if (gauge_refresher_) gauge_refresher_->Start();
  if (uplink_) uplink_->Start();
}

void ReportingNode::StopUplink() {
  if (uplink_) uplink_->Stop();
}

Result<int> ReportingNode::DrainUplink() {
  if (!uplink_) return 0;
  return uplink_->DrainOnce();
}

}  // namespace tdkt::reporting
