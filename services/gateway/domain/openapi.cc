#include "services/gateway/domain/openapi.h"

#include <set>

namespace tdkt::gateway {

namespace pb = ::google::protobuf;
using nlohmann::json;

namespace {

// The comment a .proto writes next to an element (leading, else trailing).
std::string Comment(const pb::SourceLocation& loc) {
  std::string text = loc.leading_comments.empty() ? loc.trailing_comments : loc.leading_comments;
  size_t b = text.find_first_not_of(" \n"), e = text.find_last_not_of(" \n");
  return b == std::string::npos ? "" : text.substr(b, e - b + 1);
}

template <typename Descriptor>
std::string CommentOf(const Descriptor& d) {
  pb::SourceLocation loc;
  return d.GetSourceLocation(&loc) ? Comment(loc) : "";
}

std::string Ref(const pb::Descriptor& message) { return "#/components/schemas/" + message.full_name(); }

class SchemaBuilder {
 public:
  explicit SchemaBuilder(json* schemas) : schemas_(*schemas) {}

  void AddMessage(const pb::Descriptor& message) {
    if (!seen_.insert(message.full_name()).second || WellKnown(message)) return;
    json properties = json::object();
    for (int i = 0; i < message.field_count(); ++i) {
      const pb::FieldDescriptor& field = *message.field(i);
      json schema = FieldSchema(field);
      if (std::string about = CommentOf(field); !about.empty()) schema["description"] = about;
      properties[field.name()] = schema;
    }
    json schema = {{"type", "object"}, {"properties", properties}};
    if (std::string about = CommentOf(message); !about.empty()) schema["description"] = about;
    schemas_[message.full_name()] = schema;
  }

 private:
  // Types the JSON mapping writes in a special form.
  static bool WellKnown(const pb::Descriptor& m) { return m.file()->package() == "google.protobuf"; }

  json MessageSchema(const pb::Descriptor& m) {
    const std::string& name = m.full_name();
    if (name == "google.protobuf.Timestamp") return {{"type", "string"}, {"format", "date-time"}};
    if (name == "google.protobuf.Duration") return {{"type", "string"}, {"example", "1.5s"}};
    if (name == "google.protobuf.FieldMask") return {{"type", "string"}};
    if (name == "google.protobuf.Struct" || name == "google.protobuf.Empty") return {{"type", "object"}};
    if (name == "google.protobuf.Value" || name == "google.protobuf.Any") return json::object();
    if (WellKnown(m) && m.field_count() == 1 && m.field(0)->name() == "value") return ScalarSchema(*m.field(0));
    AddMessage(m);
    return {{"$ref", Ref(m)}};
  }

  json ScalarSchema(const pb::FieldDescriptor& f) {
    switch (f.cpp_type()) {
      case pb::FieldDescriptor::CPPTYPE_INT32: return {{"type", "integer"}, {"format", "int32"}};
      case pb::FieldDescriptor::CPPTYPE_UINT32: return {{"type", "integer"}, {"format", "int64"}};
      // 64-bit integers are strings in protobuf's JSON mapping.
      case pb::FieldDescriptor::CPPTYPE_INT64:
      case pb::FieldDescriptor::CPPTYPE_UINT64: return {{"type", "string"}, {"format", "int64"}};
      case pb::FieldDescriptor::CPPTYPE_DOUBLE: return {{"type", "number"}, {"format", "double"}};
      case pb::FieldDescriptor::CPPTYPE_FLOAT: return {{"type", "number"}, {"format", "float"}};
      case pb::FieldDescriptor::CPPTYPE_BOOL: return {{"type", "boolean"}};
      case pb::FieldDescriptor::CPPTYPE_ENUM: {
        json values = json::array();
        for (int i = 0; i < f.enum_type()->value_count(); ++i) values.push_back(f.enum_type()->value(i)->name());
        return {{"type", "string"}, {"enum", values}};
      }
      case pb::FieldDescriptor::CPPTYPE_STRING:
        if (f.type() == pb::FieldDescriptor::TYPE_BYTES) return {{"type", "string"}, {"format", "byte"}};
        return {{"type", "string"}};
      case pb::FieldDescriptor::CPPTYPE_MESSAGE: return MessageSchema(*f.message_type());
    }
    return json::object();
  }

  json FieldSchema(const pb::FieldDescriptor& f) {
    if (f.is_map()) {
      return {{"type", "object"}, {"additionalProperties", ScalarSchema(*f.message_type()->map_value())}};
    }
    json one = ScalarSchema(f);
    return f.is_repeated() ? json{{"type", "array"}, {"items", one}} : one;
  }

  json& schemas_;
  std::set<std::string> seen_;
};

json JsonResponse(const std::string& description, const json& schema) {
  return {{"description", description}, {"content", {{"application/json", {{"schema", schema}}}}}};
}

// The campaign-media public site, proxied without a token.
void AddPublicPaths(json& paths) {
  const json agency = {{"name", "agency"}, {"in", "path"}, {"required", true},
                       {"schema", {{"type", "string"}}}, {"description", "Agency code, e.g. 56"}};
  auto page = [&](const std::string& summary, const std::string& type) {
    return json{{"get",
                 {{"summary", summary},
                  {"tags", {"public"}},
                  {"security", json::array()},
                  {"parameters", {agency}},
                  {"responses", {{"200", {{"description", summary}, {"content", {{type, json::object()}}}}},
                                 {"404", {{"description", "Unknown agency or outside this node"}}}}}}}};
  };
  paths["/public/{agency}/items.json"] = page("Published media items about the agency's exemplars (JSON)",
                                              "application/json");
  paths["/public/{agency}/items.json"]["get"]["parameters"].push_back(
      {{"name", "limit"}, {"in", "query"}, {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}}}});
  paths["/public/{agency}/feed.atom"] = page("Atom feed of published media items", "application/atom+xml");
  paths["/public/{agency}/reader.html"] = page("Reader view of the feed", "text/html");
  paths["/public/{agency}/epublication/{year}.html"] =
      page("Yearly e-publication of the recognised exemplars", "text/html");
  paths["/public/{agency}/epublication/{year}.html"]["get"]["parameters"].push_back(
      {{"name", "year"}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}}}});
}

}  // namespace

json BuildOpenApi(const Contract& contract, const std::string& version) {
  json schemas = json::object();
  schemas["Error"] = {
      {"type", "object"},
      {"description", "A failed call: the gRPC status code, its name and a message naming the field at fault"},
      {"properties",
       {{"code", {{"type", "integer"}, {"description", "gRPC status code, e.g. 3"}}},
        {"status", {{"type", "string"}, {"description", "Its name, e.g. INVALID_ARGUMENT"}}},
        {"message", {{"type", "string"}, {"description", "e.g. \"details.name: must not be empty\""}}}}}};
  SchemaBuilder builder(&schemas);
  json paths = json::object();
  json tags = json::array();
  for (const pb::ServiceDescriptor* service : contract.services()) {
    tags.push_back({{"name", service->full_name()}, {"description", CommentOf(*service)}});
    for (int i = 0; i < service->method_count(); ++i) {
      const pb::MethodDescriptor& method = *service->method(i);
      builder.AddMessage(*method.input_type());
      builder.AddMessage(*method.output_type());
      const json error = JsonResponse("Error (HTTP status from the gRPC code)", {{"$ref", "#/components/schemas/Error"}});
      json operation = {
          {"operationId", service->name() + "_" + method.name()},
          {"summary", service->name() + "." + method.name()},
          {"tags", {service->full_name()}},
          {"requestBody",
           {{"required", false},
            {"content", {{"application/json", {{"schema", {{"$ref", Ref(*method.input_type())}}}}}}}}},
          {"responses", {{"200", JsonResponse("OK", {{"$ref", Ref(*method.output_type())}})}, {"default", error}}}};
      if (std::string about = CommentOf(method); !about.empty()) operation["description"] = about;
      paths["/v1/" + service->full_name() + "/" + method.name()] = {{"post", operation}};
    }
  }
  AddPublicPaths(paths);
  paths["/healthz"] = {{"get", {{"summary", "The gateway is up"}, {"security", json::array()},
                                {"responses", {{"200", {{"description", "ok"}}}}}}}};
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "tdkt — advanced exemplars (điển hình tiên tiến)"},
            {"version", version},
            {"description",
             "Every public RPC of a tdkt node as JSON over HTTP (protobuf's JSON mapping). Send the same "
             "bearer token as over gRPC; errors carry the gRPC code and an HTTP status mapped from it."}}},
          {"tags", tags},
          {"paths", paths},
          {"security", {{{"bearerAuth", json::array()}}}},
          {"components",
           {{"schemas", schemas},
            {"securitySchemes", {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}, {"bearerFormat", "JWT"}}}}}}}};
}

}  // namespace tdkt::gateway
