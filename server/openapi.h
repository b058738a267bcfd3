// The OpenAPI 3 description of the server, generated from the route table.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "server/routes.h"

namespace rasd::http {

nlohmann::json openapi_spec(const std::vector<Route>& routes);

}  // namespace rasd::http
