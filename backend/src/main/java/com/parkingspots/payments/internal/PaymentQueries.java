package com.parkingspots.payments.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Read side for the web adapter. */
@Service
public class PaymentQueries {

    private final PaymentRepository payments;

    PaymentQueries(PaymentRepository payments) {
        this.payments = payments;
    }

    /** The driver's payments, newest first. */
    public List<Payment> paymentsOf(UUID userId) {
        return payments.byUser(userId);
    }
}
