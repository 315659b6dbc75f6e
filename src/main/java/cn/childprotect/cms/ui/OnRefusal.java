package cn.childprotect.cms.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a form post of the pages whose refusals {@link FormRefusals} turns into messages on the
 * page the browser goes back to: the refusal at the top ({@code pageError}), its field errors next
 * to their fields ({@code fieldErrors}), in the language of the request.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface OnRefusal {

    /**
     * Where the browser goes back to, a path template over the handler's path variables and request
     * parameters, e.g. {@code "/cases/{id}"} or {@code "/cases/{case}"}.
     */
    String value();

    /** Where it goes when a variable of {@link #value()} is not in the request; empty: there is always one. */
    String otherwise() default "";
}
