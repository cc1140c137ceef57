package org.derivcheck.prove;

import java.math.BigInteger;

/** An exact rational number in lowest terms, denominator positive. */
record Rat(BigInteger num, BigInteger den) implements Comparable<Rat> {
    static final Rat ZERO = new Rat(BigInteger.ZERO, BigInteger.ONE);
    static final Rat ONE = new Rat(BigInteger.ONE, BigInteger.ONE);
    static final Rat MINUS_ONE = new Rat(BigInteger.ONE.negate(), BigInteger.ONE);

    Rat {
        if (den.signum() == 0) {
            throw new NotProvable("division by zero");
        }
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        BigInteger g = num.gcd(den);
        if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
            num = num.divide(g);
            den = den.divide(g);
        }
        if (num.signum() == 0) {
            den = BigInteger.ONE;
        }
        if (num.bitLength() > 4000 || den.bitLength() > 4000) {
            throw new NotProvable("numbers too large");
        }
    }

    static Rat of(long n) {
        return new Rat(BigInteger.valueOf(n), BigInteger.ONE);
    }

    Rat add(Rat o) {
        return new Rat(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Rat mul(Rat o) {
        return new Rat(num.multiply(o.num), den.multiply(o.den));
    }

    Rat negate() {
        return new Rat(num.negate(), den);
    }

    Rat inverse() {
        return new Rat(den, num);
    }

    Rat pow(int k) {
        if (Math.abs(k) > 64) {
            throw new NotProvable("power too large");
        }
        Rat b = k < 0 ? inverse() : this;
        return new Rat(b.num.pow(Math.abs(k)), b.den.pow(Math.abs(k)));
    }

    boolean isZero() {
        return num.signum() == 0;
    }

    boolean isOne() {
        return num.equals(BigInteger.ONE) && den.equals(BigInteger.ONE);
    }

    boolean isInteger() {
        return den.equals(BigInteger.ONE);
    }

    int signum() {
        return num.signum();
    }

    @Override
    public int compareTo(Rat o) {
        return num.multiply(o.den).compareTo(o.num.multiply(den));
    }

    @Override
    public String toString() {
        return isInteger() ? num.toString() : num + "/" + den;
    }
}
