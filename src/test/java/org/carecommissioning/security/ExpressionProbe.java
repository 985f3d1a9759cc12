package org.carecommissioning.security;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/** A bean an injected expression would call; if it is ever called, an expression ran. */
@Component("expressionProbe")
public class ExpressionProbe {

    public static final AtomicInteger CALLS = new AtomicInteger();

    public String touch() {
        CALLS.incrementAndGet();
        return "demo";
    }
}
