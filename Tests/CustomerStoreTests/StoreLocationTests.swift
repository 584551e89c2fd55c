import Testing

@testable import CustomerStore

@Suite("Where the store lives")
struct StoreLocationTests {
    @Test("--db wins over CLIENTELE_DB, which wins over the XDG data folder")
    func precedence() {
        let environment = [
            "HOME": "/home/anna", "XDG_DATA_HOME": "/data", "CLIENTELE_DB": "/env/store.sqlite",
        ]
        #expect(
            StoreLocation.resolve(explicitPath: "/cli/x.sqlite", environment: environment)
                == StoreLocation(path: "/cli/x.sqlite", source: .commandLine))
        #expect(
            StoreLocation.resolve(explicitPath: nil, environment: environment)
                == StoreLocation(path: "/env/store.sqlite", source: .environment))
        var withoutVariable = environment
        withoutVariable["CLIENTELE_DB"] = nil
        #expect(
            StoreLocation.resolve(explicitPath: nil, environment: withoutVariable)
                == StoreLocation(path: "/data/clientele/clientele.sqlite", source: .dataFolder))
    }

    @Test("Without XDG_DATA_HOME the store is under ~/.local/share; ~ is expanded")
    func fallbacks() {
        let environment = ["HOME": "/home/anna"]
        #expect(
            StoreLocation.resolve(explicitPath: nil, environment: environment).path
                == "/home/anna/.local/share/clientele/clientele.sqlite")
        #expect(
            StoreLocation.resolve(explicitPath: "~/k.sqlite", environment: environment).path
                == "/home/anna/k.sqlite")
        #expect(
            StoreLocation.demo(environment: environment).path
                == "/home/anna/.local/share/clientele/demo.sqlite")
        // A relative XDG_DATA_HOME is invalid by the spec and ignored.
        #expect(
            StoreLocation.dataFolder(environment: ["HOME": "/h", "XDG_DATA_HOME": "rel"])
                == "/h/.local/share/clientele")
    }
}
