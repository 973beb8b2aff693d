using System.Globalization;
using CartStream.Events;
using CartStream.Generator.Orders;

namespace CartStream.Generator;

/// <summary>Orders and their lines: what a clean record looks like.</summary>
public sealed partial class SalesEventGenerator
{
    private void FillNextLine(SalesEvent e)
    {
        if (_order.Emitted == _order.Lines)
        {
            OpenNextOrder();
        }

        var line = _order.Emitted++;
        var product = PickProduct(line);
        var order = _order;
        var customer = order.Customer;

        e.EventId = _random.NextGuid();
        e.EventTime = order.Time;
        e.OrderId = order.OrderId;
        e.LineNumber = line + 1;

        e.Customer.CustomerId = customer.CustomerId;
        e.Customer.Name = customer.Name;
        e.Customer.Email = customer.Email;
        e.Customer.Segment = customer.Segment;
        e.Customer.SignupDate = customer.SignupDate;

        e.Product.ProductId = product.ProductId;
        e.Product.Name = product.Name;
        e.Product.Category = product.Category.Name;
        e.Product.Subcategory = product.Subcategory;
        e.Product.Brand = product.Brand;
        e.Product.UnitPrice = product.PriceByCurrency[order.CurrencyIndex];
        e.Product.UnitCost = product.CostByCurrency[order.CurrencyIndex];

        var quantity = OrderProfile.QuantityMinusOne.Sample(_random) + 1;
        if (customer.Segment != "consumer" && _random.Chance(0.2))
        {
            // Businesses restock: larger quantities of the same item.
            quantity *= _random.Between(2, 5);
        }

        e.Quantity = Math.Min(quantity, product.Category.MaxQuantity * (customer.Segment == "consumer" ? 1 : 5));

        if (order.Promotion is { } promotion && promotion.AppliesTo(product.Category.Name))
        {
            e.Discount = promotion.Discount;
            e.PromotionCode = promotion.Code;
        }
        else
        {
            e.Discount = 0m;
            e.PromotionCode = null;
        }

        e.Currency = _currencyCodes[order.CurrencyIndex];
        e.PaymentMethod = order.Payment;
        e.OrderStatus = order.Status;
        e.SalesChannel = order.Channel;
        e.Device = order.Device;

        e.ShippingAddress.Street = order.Place.Street;
        e.ShippingAddress.PostalCode = order.Place.PostalCode;
        e.ShippingAddress.City = order.Place.City;
        e.ShippingAddress.Country = order.Place.Country;
    }

    private Catalog.CatalogProduct PickProduct(int line)
    {
        // An order lists a product once; a few redraws find another one (popular items collide often).
        var product = _catalog.Sample(_random);
        for (var attempt = 0; attempt < 8 && OnOrder(product, line); attempt++)
        {
            product = _catalog.Sample(_random);
        }

        _order.Products[line] = product;
        return product;
    }

    private bool OnOrder(Catalog.CatalogProduct product, int lines)
    {
        for (var i = 0; i < lines; i++)
        {
            if (ReferenceEquals(_order.Products[i], product))
            {
                return true;
            }
        }

        return false;
    }

    private void OpenNextOrder()
    {
        var order = _order;
        order.Time = _clock.NextOrder(_random);
        order.OrderId = string.Create(CultureInfo.InvariantCulture, $"{_orderPrefix}{++_orders:D9}");
        var customer = _customers.Sample(_random);
        var firstOrder = customer.Orders++ == 0;
        order.Customer = customer;

        // Mostly shipped home; now and then a gift to someone else in the same country.
        order.Place = _random.Chance(0.08) ? _geography.NewPlace(_random, customer.Home.CountryIndex) : customer.Home;

        // Prices follow the country's currency, except for shoppers who pay in dollars or euros abroad.
        var home = _geography.HomeCurrencyOf(order.Place.CountryIndex);
        order.CurrencyIndex = _random.Chance(0.06) ? (home == _usd ? _eur : _usd) : home;

        var channel = OrderProfile.Channel.Sample(_random);
        order.Channel = OrderProfile.Channels[channel];
        order.Device = OrderProfile.Devices[OrderProfile.DeviceByChannel[channel].Sample(_random)];
        var store = order.Channel == "store";
        var payment = (store ? OrderProfile.StorePayment : OrderProfile.OnlinePayment).Sample(_random);
        order.Payment = OrderProfile.Payments[payment];
        var deferred = order.Payment is "bank_transfer" or "cash_on_delivery";
        order.Status = OrderProfile.Statuses[(deferred ? OrderProfile.DeferredStatus : OrderProfile.PaidStatus).Sample(_random)];
        order.Promotion = PickPromotion(order.Time, firstOrder);
        order.Lines = OrderProfile.LinesMinusOne.Sample(_random) + 1;
        order.Emitted = 0;
    }

    private Promotion? PickPromotion(DateTime time, bool firstOrder)
    {
        if (firstOrder && _random.Chance(0.5))
        {
            return Promotion.Welcome;
        }

        if (!_random.Chance(0.15))
        {
            return null;
        }

        // Uniform over the promotions running that day, without building a list.
        Promotion? chosen = null;
        var running = 0;
        foreach (var promotion in Promotion.All)
        {
            if (promotion.RunsOn(time) && _random.Next(++running) == 0)
            {
                chosen = promotion;
            }
        }

        return chosen;
    }
}
