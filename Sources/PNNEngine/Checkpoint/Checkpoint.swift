import Foundation

/// Saves and restores everything a training run needs to continue bit-exactly: the
/// architecture, every parameter, Adam's moments and iteration count, and the run's seed.
///
/// File layout (all integers and floats little-endian):
///
///     offset   size      field
///     0        8         magic "PNNBCKPT"
///     8        4         format version (UInt32) = 1
///     12       4         header length H (UInt32)
///     16       H         header, UTF-8 JSON: architecture, seed, optimizer state,
///                        parameter names and shapes in model order
///     16+H     12·P      payload: for each parameter in order, its values, then Adam's
///                        m, then Adam's v, as Float32 (P = total parameter count)
///     end−8    8         FNV-1a 64-bit hash of every preceding byte
///
/// Writes go to a temporary file in the same directory that is then renamed, so a
/// checkpoint on disk is always complete.
public enum Checkpoint {
    public static let magic = Array("PNNBCKPT".utf8)
    public static let version: UInt32 = 1

    struct Header: Codable {
        struct Tensor: Codable { var name: String; var shape: [Int] }
        struct Optimizer: Codable { var iterations: Int64; var learningRate: Float; var beta1: Float; var beta2: Float; var epsilon: Float }
        var architecture: ArchitectureSpec
        var seed: UInt64
        var optimizer: Optimizer
        var parameters: [Tensor]
    }

    /// Writes the trainer's full state to `path`.
    public static func save(_ trainer: Trainer, to path: String) throws {
        let model = trainer.model, adam = trainer.optimizer
        let header = Header(
            architecture: model.spec, seed: trainer.seed,
            optimizer: .init(iterations: adam.iterations, learningRate: adam.learningRate, beta1: adam.beta1,
                             beta2: adam.beta2, epsilon: adam.epsilon),
            parameters: model.parameters.map { .init(name: $0.name, shape: $0.shape) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(header)
        var bytes = [UInt8]()
        bytes.reserveCapacity(24 + json.count + 12 * model.parameterCount)
        bytes += magic
        append(version, to: &bytes)
        append(UInt32(json.count), to: &bytes)
        bytes += json
        for (p, parameter) in model.parameters.enumerated() {
            for buffer in [parameter.value, adam.moments[p], adam.velocities[p]] {
                for i in 0..<buffer.count { append(buffer.data[i].bitPattern, to: &bytes) }
            }
        }
        append(FNV1a64.hash(bytes), to: &bytes)
        try AtomicFile.write(Data(bytes), to: path)
    }

    /// Builds a trainer from a checkpoint file.
    public static func load(from path: String, pool: WorkerPool) throws -> Trainer {
        let (header, payload) = try read(path)
        let model = Model(spec: header.architecture, seed: 0)
        let trainer = Trainer(model: model, seed: header.seed, pool: pool, learningRate: header.optimizer.learningRate)
        try restore(trainer, header: header, payload: payload, path: path)
        return trainer
    }

    static func read(_ path: String) throws -> (Header, ArraySlice<UInt8>) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CheckpointError(path: path, problem: "cannot be read (missing or not a file)")
        }
        let bytes = [UInt8](data)
        guard bytes.count >= 8, Array(bytes[0..<8]) == magic else {
            throw CheckpointError(path: path, problem: "is not a PNNBench checkpoint (expected the magic bytes \"PNNBCKPT\" at the start)")
        }
        guard bytes.count >= 24 else { throw CheckpointError(path: path, problem: "is truncated (\(bytes.count) bytes)") }
        let fileVersion = readUInt32(bytes, at: 8)
        guard fileVersion == version else {
            throw CheckpointError(path: path, problem: "has format version \(fileVersion); this build reads version \(version)")
        }
        let headerLength = Int(readUInt32(bytes, at: 12))
        guard 16 + headerLength + 8 <= bytes.count else {
            throw CheckpointError(path: path, problem: "is truncated: the header says \(headerLength) bytes but the file has \(bytes.count)")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[16..<(16 + headerLength)]))
        } catch {
            throw CheckpointError(path: path, problem: "has an unreadable header (\(error))")
        }
        let count = header.parameters.reduce(0) { $0 + $1.shape.reduce(1, *) }
        let expected = 16 + headerLength + 12 * count + 8
        guard bytes.count == expected else {
            throw CheckpointError(path: path, problem: bytes.count < expected
                ? "is truncated: \(bytes.count) bytes, expected \(expected)"
                : "has \(bytes.count - expected) unexpected trailing bytes")
        }
        let stored = readUInt64(bytes, at: expected - 8)
        guard stored == FNV1a64.hash(bytes[0..<(expected - 8)]) else {
            throw CheckpointError(path: path, problem: "is corrupt: its checksum does not match its contents")
        }
        return (header, bytes[(16 + headerLength)..<(expected - 8)])
    }

    static func restore(_ trainer: Trainer, header: Header, payload: ArraySlice<UInt8>, path: String) throws {
        let model = trainer.model, adam = trainer.optimizer
        guard header.parameters.count == model.parameters.count,
              zip(header.parameters, model.parameters).allSatisfy({ $0.name == $1.name && $0.shape == $1.shape }) else {
            throw CheckpointError(path: path, problem: "holds parameters that do not match its architecture")
        }
        var offset = payload.startIndex
        for (p, parameter) in model.parameters.enumerated() {
            for buffer in [parameter.value, adam.moments[p], adam.velocities[p]] {
                for i in 0..<buffer.count {
                    buffer.data[i] = Float(bitPattern: readUInt32(payload, at: offset))
                    offset += 4
                }
            }
        }
        adam.iterations = header.optimizer.iterations
    }

    // MARK: little-endian helpers

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    static func readUInt32<C: Collection>(_ bytes: C, at offset: C.Index) -> UInt32 where C.Element == UInt8, C.Index == Int {
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(bytes[offset + k]) << (8 * UInt32(k)) }
        return v
    }

    static func readUInt64<C: Collection>(_ bytes: C, at offset: C.Index) -> UInt64 where C.Element == UInt8, C.Index == Int {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(bytes[offset + k]) << (8 * UInt64(k)) }
        return v
    }
}

/// A checkpoint that cannot be used, with the file and the reason.
public struct CheckpointError: Error, CustomStringConvertible {
    public let path: String
    public let problem: String
    public var description: String { "checkpoint \(path) \(problem)" }
}
