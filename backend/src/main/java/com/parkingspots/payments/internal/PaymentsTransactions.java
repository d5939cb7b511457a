package com.parkingspots.payments.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code joined}: part of the caller's transaction if there is one (a webhook's effect commits with its event id).
 * {@code own}: commits by itself, so a reservation is durable before the provider is called.
 */
@Component
class PaymentsTransactions {

    final TransactionTemplate joined;
    final TransactionTemplate own;

    PaymentsTransactions(PlatformTransactionManager transactions) {
        this.joined = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }
}
