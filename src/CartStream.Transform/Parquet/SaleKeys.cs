namespace CartStream.Transform.Parquet;

/// <summary>The foreign keys of one fact row.</summary>
internal readonly record struct SaleKeys(
    int DateKey, long Customer, long Product, long Address, long PaymentMethod, long Channel, long OrderStatus, long Currency);
