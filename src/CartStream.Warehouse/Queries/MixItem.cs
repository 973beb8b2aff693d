namespace CartStream.Warehouse.Queries;

/// <summary>One slice of a mix (payment method or sales channel).</summary>
/// <param name="Name">The payment method or channel.</param>
/// <param name="Revenue">Net revenue, USD.</param>
/// <param name="Orders">Orders.</param>
public sealed record MixItem(string Name, decimal Revenue, long Orders);
