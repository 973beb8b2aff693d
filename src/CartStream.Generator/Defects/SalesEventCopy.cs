using CartStream.Events;

namespace CartStream.Generator.Defects;

/// <summary>Field-by-field copy of an event into another instance (strings are shared: they are immutable).</summary>
internal static class SalesEventCopy
{
    public static void CopyTo(SalesEvent source, SalesEvent target)
    {
        target.EventId = source.EventId;
        target.EventTime = source.EventTime;
        target.OrderId = source.OrderId;
        target.LineNumber = source.LineNumber;
        target.Customer.CustomerId = source.Customer.CustomerId;
        target.Customer.Name = source.Customer.Name;
        target.Customer.Email = source.Customer.Email;
        target.Customer.Segment = source.Customer.Segment;
        target.Customer.SignupDate = source.Customer.SignupDate;
        target.Product.ProductId = source.Product.ProductId;
        target.Product.Name = source.Product.Name;
        target.Product.Category = source.Product.Category;
        target.Product.Subcategory = source.Product.Subcategory;
        target.Product.Brand = source.Product.Brand;
        target.Product.UnitPrice = source.Product.UnitPrice;
        target.Product.UnitCost = source.Product.UnitCost;
        target.Quantity = source.Quantity;
        target.Discount = source.Discount;
        target.PromotionCode = source.PromotionCode;
        target.Currency = source.Currency;
        target.PaymentMethod = source.PaymentMethod;
        target.OrderStatus = source.OrderStatus;
        target.SalesChannel = source.SalesChannel;
        target.Device = source.Device;
        target.ShippingAddress.Street = source.ShippingAddress.Street;
        target.ShippingAddress.PostalCode = source.ShippingAddress.PostalCode;
        target.ShippingAddress.City = source.ShippingAddress.City;
        target.ShippingAddress.Country = source.ShippingAddress.Country;
    }
}
