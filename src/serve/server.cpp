/** @file server.cpp
 * @brief Routes to handlers; every failure becomes a JSON error response, never a crash.
 */
#include "serve/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <ctime>
#include <thread>

#include "serve/collection_documents.h"
#include "serve/request_error.h"
#include "serve/served_page.h"
#include "serve/zone_data.h"
#include "serve/zone_data_binary.h"
#include "serve/zone_data_json.h"
#include "stac/json_object.h"
#include "util/error.h"

namespace stac2h3::serve {

namespace {

constexpr const char* kJson = "application/json";
/** Connection threads: a browser keeps up to 6 connections open, tests and scripts more;
 * reads of one level are serialised anyway (cube_levels.h), so threads mostly wait. */
constexpr size_t kConnectionThreads = 32;
/** Seconds an idle kept-alive connection holds its thread. */
constexpr time_t kKeepAliveSeconds = 2;

std::string errorJson(const std::string& code, const std::string& description) {
  stac::JsonObject object;
  object.set("code", stac::jsonString(code));
  object.set("description", stac::jsonString(description));
  return object.dump();
}

void answerError(httplib::Response& response, int status, const std::string& code,
                 const std::string& description) {
  response.status = status;
  response.set_content(errorJson(code, description), kJson);
}

}  // namespace

struct Server::Impl {
  const CubeLevels& cube;
  httplib::Server http;
  std::string page;  // the viewer, built once
  std::string collection;
  std::string dggs_list;
  std::string h3_dggs;
  bool bound = false;

  explicit Impl(const CubeLevels& levels)
      : cube(levels),
        page(servedPage(levels)),
        collection(collectionJson(levels)),
        dggs_list(dggsListJson()),
        h3_dggs(h3DggsJson(levels)) {
    const auto fixed = [](const std::string& body, const char* type) {
      return [&body, type](const httplib::Request&, httplib::Response& response) {
        response.set_content(body, type);
      };
    };
    http.Get("/", fixed(page, "text/html; charset=utf-8"));
    // Browsers ask for an icon: none, rather than a 404 in their console.
    http.Get("/favicon.ico",
             [](const httplib::Request&, httplib::Response& response) { response.status = 204; });
    http.Get("/collections/cube", fixed(collection, kJson));
    http.Get("/collections/cube/dggs", fixed(dggs_list, kJson));
    http.Get("/collections/cube/dggs/H3", fixed(h3_dggs, kJson));
    http.Get(R"(/collections/cube/dggs/H3/zones/([^/]+)/data)",
             [this](const httplib::Request& request, httplib::Response& response) {
               zoneData(request, response);
             });
    // Routes answered above; everything else (unknown paths, other methods) is an error
    // with a JSON body.
    http.set_error_handler([](const httplib::Request& request, httplib::Response& response) {
      if (response.status == 404) {
        answerError(response, 404, "NotFound", "no such resource: " + request.path);
      } else if (response.body.empty()) {
        answerError(response, response.status, "Error",
                    "request refused (" + std::to_string(response.status) + ")");
      }
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
          try {
            std::rethrow_exception(error);
          } catch (const RequestError& e) {
            answerError(response, e.status(), e.code(), e.what());
          } catch (const InputError& e) {
            answerError(response, 400, "InvalidParameterValue", e.what());
          } catch (const std::exception& e) {
            answerError(response, 500, "ServerError", e.what());
          } catch (...) {
            answerError(response, 500, "ServerError", "unknown failure");
          }
        });
    http.set_payload_max_length(0);  // GET only: no request body is read
    http.new_task_queue = [] { return new httplib::ThreadPool(kConnectionThreads); };
    http.set_keep_alive_timeout(kKeepAliveSeconds);
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm
    // and the client's delayed ACK hold every kept-alive response back by ~40 ms.
    http.set_tcp_nodelay(true);
  }

  void zoneData(const httplib::Request& request, httplib::Response& response) const {
    const ZoneRequest zone = parseZoneRequest(cube, request.matches[1], request.params);
    const ZoneData data = queryZone(zone);
    if (zone.encoding == Encoding::kBinary) {
      response.set_content(zoneDataBinary(data), "application/octet-stream");
    } else {
      response.set_content(zoneDataJson(data), kJson);
    }
  }
};

Server::Server(const CubeLevels& cube) : impl_(std::make_unique<Impl>(cube)) {}

Server::~Server() = default;

int Server::bind(const std::string& host, int port) {
  const int bound = port == 0 ? impl_->http.bind_to_any_port(host)
                              : (impl_->http.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    throw Error("cannot listen on " + host + ":" + std::to_string(port) +
                " (address in use or not local?)");
  }
  impl_->bound = true;
  return bound;
}

void Server::run() {
  if (!impl_->bound) throw Error("serve: run() before bind()");
  impl_->http.listen_after_bind();
}

void Server::stop() {
  impl_->http.stop();
}

void Server::runUntilInterrupted() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  // Blocked here before any thread starts, so that every thread inherits the mask and only
  // the waiter below receives them.
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::atomic<bool> done = false;
  std::thread waiter([&] {
    const timespec poll = {0, 200'000'000};
    while (!done) {
      if (sigtimedwait(&signals, nullptr, &poll) > 0) {
        stop();
        return;
      }
    }
  });
  run();
  done = true;
  waiter.join();
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
}

}  // namespace stac2h3::serve
