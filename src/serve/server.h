/** @file server.h
 * @brief `stac2h3 serve`: an HTTP server (cpp-httplib) with the viewer and the zone-data API
 * over one store. Routes:
 *
 *     GET /                                                  the viewer (HTML)
 *     GET /favicon.ico                                       204 (no icon)
 *     GET /collections/cube                                  variables, time extent, levels
 *     GET /collections/cube/dggs                             the DGGS list (H3)
 *     GET /collections/cube/dggs/H3                          the grid and its levels
 *     GET /collections/cube/dggs/H3/zones/{zoneId}/data      zone data (zone_request.h)
 *
 * Anything else is 404; refused parameters are 400; both with a {"code", "description"}
 * JSON body. No file is ever served from disk.
 */
#pragma once

#include <memory>
#include <string>

#include "serve/cube_levels.h"

namespace stac2h3::serve {

class Server {
 public:
  /** Sets up the routes over `cube` (which must outlive the server). */
  explicit Server(const CubeLevels& cube);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /**
   * Binds the listening socket.
   * @param port  0 for any free port.
   * @return the port bound.
   * @throws Error naming host and port when it cannot bind.
   */
  int bind(const std::string& host, int port);
  /** Serves requests until stop() (from another thread). Requires bind(). */
  void run();
  /** Makes run() return once the requests in progress are answered. */
  void stop();
  /** run() until SIGINT or SIGTERM, then stop cleanly (the signals are blocked in every
   * thread and waited for on one, so the handler may stop the server). */
  void runUntilInterrupted();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stac2h3::serve
