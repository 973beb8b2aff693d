namespace CartStream.Registry.Compatibility;

/// <summary>Why a reader schema cannot read data written with a writer schema (the Avro resolution rule broken).</summary>
public enum IncompatibilityKind
{
    /// <summary>The types differ and no Avro promotion turns the writer's into the reader's.</summary>
    TypeMismatch,

    /// <summary>A record, enum or fixed has another name in the reader, and no alias matches.</summary>
    NameMismatch,

    /// <summary>A field the reader expects is absent from the writer and the reader gives no default.</summary>
    ReaderFieldMissingDefaultValue,

    /// <summary>The writer may send enum symbols the reader does not know, and the reader has no enum default.</summary>
    MissingEnumSymbols,

    /// <summary>Two fixed types have different sizes.</summary>
    FixedSizeMismatch,

    /// <summary>A branch of the writer's union has no branch of the reader's union that can read it.</summary>
    MissingUnionBranch,
}
