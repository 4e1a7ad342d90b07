import Foundation
import PNNData
import PNNEngine

extension ResultStore {
    /// What a result's key is a hash of: everything that determines the result.
    ///
    /// The spec and the scale are encoded as they are stored, minus their free-text
    /// `description`s: rewording a listing must not throw away finished runs. Every other
    /// field is in, so a field added to `TrainingDefinition` or `Scale` is part of every
    /// key at once and two different trainings never share a result file.
    struct KeyMaterial: Encodable {
        /// Bumped if the meaning of the fields below changes, so old keys cannot alias.
        var keyFormat = 1
        var spec: ExperimentSpec
        var scale: Scale
        var data: DataIdentity
        var seed: UInt64
        var engineVersion: String

        init(spec: ExperimentSpec, scale: Scale, data: DataIdentity, seed: UInt64, engineVersion: String) {
            self.spec = spec
            self.spec.description = nil
            self.scale = scale
            self.scale.description = nil
            self.data = data
            self.seed = seed
            self.engineVersion = engineVersion
        }
    }

    /// The content address of a run: `<id slug>-<16 hex digits>`, e.g.
    /// `table3_affine-identical-fixed-9f3c…`. The hex part is FNV-1a 64 of the canonical
    /// (sorted-key, compact) JSON of spec, scale, data identity, seed and engine version
    /// (the background-mass mode spelled as text, `identical-fixed`); the slug, the
    /// experiment id with characters unsafe in file names replaced by "_", only helps
    /// people find a file. Same inputs give the same key on every machine.
    public static func key(spec: ExperimentSpec, scale: Scale, data: DataIdentity, seed: UInt64, engineVersion: String) -> String {
        key(KeyMaterial(spec: spec, scale: scale, data: data, seed: seed, engineVersion: engineVersion))
    }

    static func key(_ material: KeyMaterial) -> String {
        slug(material.spec.id) + "-" + FNV1a64.hex(FNV1a64.hash(keyBytes(material)))
    }

    /// The bytes a key hashes.
    static func keyBytes(_ material: KeyMaterial) -> Data {
        let encoder = CanonicalJSON.encoder(pretty: false)
        encoder.userInfo[BackgroundMassMode.encodesAsText] = true
        // Encoding plain strings, integers and booleans cannot fail.
        return try! encoder.encode(material)
    }

    /// The key's material as a JSON tree, for saying how two definitions differ.
    static func keyJSON(_ material: KeyMaterial) -> Any {
        // Canonical JSON always parses.
        try! JSONSerialization.jsonObject(with: keyBytes(material))
    }

    /// The material of the key `result` was stored under.
    static func keyMaterial(of result: RunResult) -> KeyMaterial {
        KeyMaterial(spec: result.spec, scale: result.scale, data: result.data, seed: result.seed, engineVersion: result.engineVersion)
    }

    static func slug(_ id: String) -> String {
        let safe = id.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return (scalar.isASCII && (c.isLetter || c.isNumber || c == "-" || c == ".")) ? c : "_"
        }
        let text = String(safe).trimmingCharacters(in: CharacterSet(charactersIn: "._"))
        return text.isEmpty ? "run" : String(text.prefix(80))
    }
}
