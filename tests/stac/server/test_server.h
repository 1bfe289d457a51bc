/** @file test_server.h
 * @brief Starts tests/stac/server/stac_server.py on a free loopback port for one test and
 * stops it when the test ends; reads its /_stats.
 */
#pragma once

#include <gtest/gtest.h>
#include <signal.h>
#include <simdjson.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "stac/http_client.h"
#include "support/shared_data.h"

namespace stac2h3::test {

class TestServer {
 public:
  /** @param args  flags of stac_server.py, e.g. {"--paging", "pc-get", "--fault", "502:5"}. */
  explicit TestServer(const std::vector<std::string>& args) {
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
    const std::string script = sourceFile("tests/stac/server/stac_server.py").string();
    std::vector<std::string> argv_strings = {"/usr/bin/python3", script, "--max-seconds", "300"};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    pid_ = fork();
    if (pid_ == 0) {
      dup2(pipe_fds[1], STDOUT_FILENO);
      close(pipe_fds[0]);
      close(pipe_fds[1]);
      std::vector<char*> argv;
      for (auto& arg : argv_strings) argv.push_back(arg.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    close(pipe_fds[1]);
    FILE* out = fdopen(pipe_fds[0], "r");
    int port = 0;
    const bool started = out != nullptr && std::fscanf(out, "PORT %d", &port) == 1;
    if (out != nullptr) std::fclose(out);
    if (!started) throw std::runtime_error("the test STAC server did not start");
    url_ = "http://127.0.0.1:" + std::to_string(port);
  }
  ~TestServer() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  /** The API root, e.g. "http://127.0.0.1:40123". */
  const std::string& url() const { return url_; }

  /** GET {url}/_stats as text. */
  std::string statsJson() const {
    stac::HttpClient client;
    stac::HttpRequest request;
    request.url = url_ + "/_stats";
    return client.send(request).body;
  }

  /** POST {url}/_control with `json`, e.g. {"healthy":true} to clear every paging fault.
   * @return the HTTP status. */
  long control(const std::string& json) const {
    stac::HttpClient client;
    stac::HttpRequest request;
    request.method = "POST";
    request.url = url_ + "/_control";
    request.body = json;
    return client.send(request).status;
  }

  /** Search requests the server saw (faults included). */
  int64_t searchRequests() const {
    simdjson::dom::parser parser;
    return parser.parse(statsJson())["search_requests"].get_int64().value();
  }

  /** The logged request bodies (POST) as compact JSON, "" for GETs, in arrival order. */
  std::vector<std::string> requestBodies() const {
    simdjson::dom::parser parser;
    std::vector<std::string> bodies;
    for (const auto entry : parser.parse(statsJson())["bodies"].get_array()) {
      const simdjson::dom::element body = entry["body"].value();
      bodies.push_back(body.is_null() ? "" : simdjson::minify(body));
    }
    return bodies;
  }

 private:
  pid_t pid_ = -1;
  std::string url_;
};

}  // namespace stac2h3::test
