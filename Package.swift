// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "meedoen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "meedoen", targets: ["meedoen"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // The domain: pure Swift + Foundation, no I/O, no framework.
        .target(name: "MeedoenCore"),
        // Fluent models, migrations, stores and reporting queries.
        .target(
            name: "MeedoenStorage",
            dependencies: [
                "MeedoenCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The web app: configure, routes, controllers, pages, API, commands.
        .target(
            name: "MeedoenApp",
            dependencies: [
                "MeedoenCore",
                "MeedoenStorage",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(name: "meedoen", dependencies: ["MeedoenApp"]),
        .testTarget(name: "MeedoenCoreTests", dependencies: ["MeedoenCore"]),
        // The stores and their SQL on a real SQLite file and a real PostgreSQL server.
        .testTarget(
            name: "MeedoenStorageTests",
            dependencies: [
                "MeedoenStorage",
                .product(name: "Vapor", package: "vapor"),
            ],
            // Read from the source tree by path (#filePath), not bundled.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "MeedoenAppTests",
            dependencies: [
                "MeedoenApp",
                .product(name: "XCTVapor", package: "vapor"),
            ]
        ),
    ]
)
