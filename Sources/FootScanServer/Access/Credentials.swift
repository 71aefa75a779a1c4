import Crypto
import Foundation
import HummingbirdBcrypt

/// Passwords, session and API tokens. Passwords are stored as bcrypt hashes; tokens are 256 random
/// bits from the system's generator, handed out once and stored only as their SHA-256.
package enum Credentials {
    /// bcrypt's cost (2^12 rounds: about a quarter of a second here, once per sign-in).
    package static let bcryptCost: UInt8 = 12

    /// The bcrypt hash of a password (slow on purpose: call it off the event loop).
    package static func hashPassword(_ password: String) -> String { Bcrypt.hash(password, cost: bcryptCost) }

    /// Whether `password` matches a stored bcrypt hash.
    package static func verify(_ password: String, hash: String) -> Bool { Bcrypt.verify(password, hash: hash) }

    /// A new random token: 32 bytes as 64 hex digits.
    package static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte >> 4, radix: 16) + String(byte & 15, radix: 16)
        }.joined()
    }

    /// What the store keeps of a token.
    package static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }.joined()
    }

    /// Compares two strings in time independent of where they differ.
    package static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
