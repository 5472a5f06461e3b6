import Fluent
import MeedoenStorage
import Prometheus
import SQLKit
import Vapor

/// /health for load balancers (is the database reachable) and /metrics for Prometheus.
enum HealthController {
    static func register(_ routes: any RoutesBuilder) {
        routes.get(.health, use: health).require(.open)
        routes.get(.metrics, use: metrics).require(.open)
    }

    struct Health: Content {
        var status: String
        var database: String
    }

    @Sendable static func health(req: Request) async throws -> Response {
        do {
            _ = try await (req.db as! any SQLDatabase).raw("SELECT 1 AS ok").first()
            return try .json(Health(status: "ok", database: "bereikbaar"))
        } catch {
            return try .json(Health(status: "fout", database: "niet bereikbaar"), status: .serviceUnavailable)
        }
    }

    @Sendable static func metrics(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4"])
        return Response(status: .ok, headers: headers, body: .init(string: req.application.metrics.registry.emitToString()))
    }
}

/// The metrics of the app, defined in one place.
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()

    /// Counted per route pattern (never the concrete path, which may hold an id) and status class.
    func requestFinished(method: String, route: String, status: UInt, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", "\(status / 100)xx")]
        registry.makeCounter(name: "meedoen_http_requests_total", labels: labels).increment()
        registry.makeDurationHistogram(
            name: "meedoen_http_request_duration_seconds", labels: [("route", route)],
            // 10 and 50 ms so a p95 against the 50 ms target (issue 16) can be read off the histogram.
            buckets: [
                .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
                .seconds(1),
                .seconds(5),
            ]
        ).record(duration)
    }
}

extension Application {
    private struct MetricsKey: StorageKey { typealias Value = AppMetrics }

    var metrics: AppMetrics {
        get { storage[MetricsKey.self]! }
        set { storage[MetricsKey.self] = newValue }
    }
}

struct MetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next.respond(to: request)
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "onbekend"
        request.application.metrics.requestFinished(
            method: request.method.rawValue, route: route, status: response.status.code, duration: ContinuousClock.now - start)
        return response
    }
}
