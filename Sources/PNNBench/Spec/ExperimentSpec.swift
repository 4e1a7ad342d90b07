/// One experiment, fully resolved: a row of the paper and the training that fills it.
/// With a scale, a data source and a seed it determines its result. Suites in
/// `Suites/*.yaml` expand into these.
///
/// The training's fields read as the spec's own (`spec.model`, `spec.balance`), and the
/// JSON form is flat — `{"id", "reproduces", "description", "dataset", "model", …}` — as
/// suite listings and result files show it.
@dynamicMemberLookup
public struct ExperimentSpec: Codable, Hashable, Sendable {
    /// Unique id, e.g. "table3/affine-identical-fixed".
    public var id: String
    /// The table or figure and row this experiment reproduces.
    public var reproduces: PaperReference
    /// What is trained: everything of the spec that changes the networks.
    public var training: TrainingDefinition
    /// Free text shown in listings and the report.
    public var description: String?

    public init(id: String, reproduces: PaperReference, training: TrainingDefinition, description: String?) {
        self.id = id
        self.reproduces = reproduces
        self.training = training
        self.description = description
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<TrainingDefinition, Value>) -> Value {
        get { training[keyPath: field] }
        set { training[keyPath: field] = newValue }
    }

    enum CodingKeys: String, CodingKey {
        case id, reproduces, description
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        reproduces = try container.decode(PaperReference.self, forKey: .reproduces)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        training = try TrainingDefinition(from: decoder)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(reproduces, forKey: .reproduces)
        try container.encodeIfPresent(description, forKey: .description)
        try training.encode(to: encoder)
    }
}
